package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.Role;
import io.parley.identity.UserId;

/**
 * A message as stored: the {@code sequence} numbers a conversation's messages 1, 2, 3,
 * ... in the order they were committed.
 */
public record Message(ConversationId conversationId, long sequence, UserId senderId, Role senderRole, String content,
		Instant createdAt) {

	/** The longest content a message may have, in UTF-16 code units. */
	public static final int MAX_LENGTH = 5000;

}

package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.UserId;

/**
 * A message as stored: the {@code sequence} numbers a conversation's messages 1, 2, 3,
 * ... in the order they were committed.
 *
 * @param senderRole the name of the sender's role when they sent it
 * @param editedAt when the sender last edited it, or {@code null}
 */
public record Message(ConversationId conversationId, long sequence, UserId senderId, String senderRole,
		MessageType type, String content, Instant createdAt, Instant editedAt) {

	/** The longest content a message may have, in UTF-16 code units. */
	public static final int MAX_LENGTH = 5000;

	Message edit(String newContent, Instant at) {
		return new Message(this.conversationId, this.sequence, this.senderId, this.senderRole, this.type, newContent,
				this.createdAt, at);
	}

	/** Whether the message is an internal note, which customers never see. */
	public boolean isNote() {
		return this.type == MessageType.NOTE;
	}

}

package io.parley.conversation;

import java.util.List;

/**
 * A conversation as the inbox lists it.
 *
 * @param unread how many messages came after the caller's read mark
 */
public record InboxItem(ConversationSnapshot conversation, String contactId, String contactName, String contactEmail,
		List<String> tags, long lastSequence, long unread) {
}

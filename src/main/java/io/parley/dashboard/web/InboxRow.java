package io.parley.dashboard.web;

import java.util.List;
import java.util.Locale;

import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.InboxItem;

/** One conversation as an inbox row shows it; every text is escaped by the template. */
public record InboxRow(String id, String subject, String contactName, String status, String priority, String channel,
		boolean assigned, boolean mine, String updatedAt, long unread, List<String> tags, long lastSequence) {

	static InboxRow of(InboxItem item, String me) {
		ConversationSnapshot conversation = item.conversation();
		String name = (item.contactName() != null && !item.contactName().isBlank()) ? item.contactName()
				: (item.contactEmail() != null) ? item.contactEmail() : "";
		String agent = (conversation.agentId() != null) ? conversation.agentId().value().toString() : null;
		return new InboxRow(conversation.id().value().toString(),
				(conversation.subject() != null) ? conversation.subject() : "", name,
				conversation.status().name().toLowerCase(Locale.ROOT),
				conversation.priority().name().toLowerCase(Locale.ROOT),
				conversation.channel().name().toLowerCase(Locale.ROOT), agent != null, me.equals(agent),
				conversation.updatedAt().toString(), item.unread(), item.tags(), item.lastSequence());
	}

}

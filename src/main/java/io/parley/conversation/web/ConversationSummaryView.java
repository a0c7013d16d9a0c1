package io.parley.conversation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.InboxItem;
import io.parley.identity.UserId;
import io.parley.system.Timestamps;

/** A conversation as the inbox lists it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationSummaryView(String id, String status, String priority, String channel, String subject,
		ContactView contact, String supervisorId, String agentId, List<String> tags, long lastSequence, long unread,
		String updatedAt, boolean leftOffline) {

	static ConversationSummaryView of(InboxItem item) {
		ConversationSnapshot conversation = item.conversation();
		return new ConversationSummaryView(conversation.id().toString(), conversation.status().value(),
				conversation.priority().value(), conversation.channel().value(), conversation.subject(),
				new ContactView(item.contactId(), item.contactName(), item.contactEmail()),
				text(conversation.supervisorId()), text(conversation.agentId()), item.tags(), item.lastSequence(),
				item.unread(), Timestamps.format(conversation.updatedAt()), conversation.leftOffline());
	}

	static String text(UserId id) {
		return (id != null) ? id.toString() : null;
	}

	record ContactView(String id, String name, String email) {
	}

}

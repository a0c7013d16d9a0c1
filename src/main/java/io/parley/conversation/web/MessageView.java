package io.parley.conversation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversation.Message;
import io.parley.system.Timestamps;

/** A message as the {@code /api} routes show it (seed 001's fields). */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MessageView(String conversationId, long sequence, String senderId, String senderRole, String type,
		String content, String createdAt, String editedAt) {

	static MessageView of(Message message) {
		return new MessageView(message.conversationId().toString(), message.sequence(), message.senderId().toString(),
				message.senderRole(), message.type().value(), message.content(), Timestamps.format(message.createdAt()),
				(message.editedAt() != null) ? Timestamps.format(message.editedAt()) : null);
	}

}

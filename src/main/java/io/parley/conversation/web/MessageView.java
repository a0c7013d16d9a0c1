package io.parley.conversation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversation.Author;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.system.Timestamps;

/**
 * A message as the {@code /api} routes show it: seed 001's fields, its author, and its
 * place ({@code sequence}, and {@code note} for an internal note), and the members a note
 * mentions; for a reply a channel carries (a mailed one), its {@code delivery}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MessageView(String conversationId, long sequence, @JsonInclude(JsonInclude.Include.NON_NULL) Long note,
		String senderId, String senderRole, AuthorView author, String type, String content, String clientMessageId,
		String createdAt, String editedAt, List<AttachmentView> attachments, List<String> mentions,
		@JsonInclude(JsonInclude.Include.NON_NULL) String delivery) {

	static MessageView of(Message message) {
		return of(message, null);
	}

	/**
	 * @param delivery what became of a reply a channel carries (a mailed reply), or
	 * {@code null} for the messages no channel carries
	 */
	static MessageView of(Message message, DeliveryState delivery) {
		return new MessageView(message.conversationId().toString(), message.sequence(),
				message.isInternal() ? message.note() : null, message.senderId(), message.senderRole(),
				AuthorView.of(message.author()), message.type().value(), message.content(), message.clientMessageId(),
				Timestamps.format(message.createdAt()),
				(message.editedAt() != null) ? Timestamps.format(message.editedAt()) : null,
				message.attachments().stream().map(AttachmentView::of).toList(),
				message.mentions().stream().map(Object::toString).toList(),
				(delivery != null) ? delivery.value() : null);
	}

	/**
	 * Who wrote it: a member, a contact, a bot or the system, as they were shown then.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record AuthorView(String type, String id, String name, String avatarUrl) {

		static AuthorView of(Author author) {
			return new AuthorView(author.type().value(), (author.id() != null) ? author.id().toString() : null,
					author.name(), author.avatarUrl());
		}

	}

}

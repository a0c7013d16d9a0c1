package io.parley.conversation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.conversation.Conversation;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog.Transcript;
import io.parley.system.Timestamps;

@JsonPropertyOrder({ "_id", "status", "agentId", "supervisorId", "candidateId", "messages" })
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationView(@JsonProperty("_id") String id, String status, String agentId, String supervisorId,
		String candidateId, List<MessageView> messages) {

	static ConversationView of(Transcript transcript) {
		Conversation conversation = transcript.conversation();
		return new ConversationView(conversation.id().toString(), conversation.status().value(),
				ConversationSummaryView.text(conversation.agentId()),
				ConversationSummaryView.text(conversation.supervisorId()),
				ConversationSummaryView.text(conversation.candidateId()),
				transcript.messages().stream().map(MessageView::of).toList());
	}

	/**
	 * Seed 003's fields, then the message's place: {@code note} only for a note; then
	 * {@code attachments} only for a message with files.
	 */
	@JsonPropertyOrder({ "senderId", "senderRole", "content", "createdAt", "sequence", "note", "attachments" })
	record MessageView(String senderId, String senderRole, String content, String createdAt, long sequence,
			@JsonInclude(JsonInclude.Include.NON_NULL) Long note,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttachmentView> attachments) {

		static MessageView of(Message message) {
			return new MessageView(message.senderId(), message.senderRole(), message.content(),
					Timestamps.format(message.createdAt()), message.sequence(),
					message.isInternal() ? message.note() : null,
					message.attachments().stream().map(AttachmentView::of).toList());
		}

	}

}

package io.parley.realtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.conversation.Attachment;
import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.conversation.Position;
import io.parley.conversation.QueueEstimate;
import io.parley.identity.UserId;
import io.parley.notification.NotificationView;
import io.parley.system.ErrorCode;
import io.parley.system.MalformedTextException;
import io.parley.system.Text;
import io.parley.system.Timestamps;
import io.parley.widget.CustomerView.AgentView;
import io.parley.workspace.Availability;
import io.parley.workspace.WorkspaceId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Reads and writes the {@code {"event": ..., "data": {...}}} frames of the socket
 * protocol.
 */
@Component
class Frames {

	private final JsonMapper json;

	private final Map<ErrorCode, TextMessage> errors = new EnumMap<>(ErrorCode.class);

	Frames(JsonMapper json) {
		this.json = json;
		for (ErrorCode code : ErrorCode.values()) {
			this.errors.put(code, frame("ERROR", new ErrorData(code.socketText())));
		}
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_MESSAGE_FORMAT}
	 * unless the text is a JSON object with a textual {@code event};
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when its text is not
	 * {@link io.parley.system.Text#isWellFormed well-formed} (the application's parser
	 * checks)
	 */
	Inbound parse(String text) {
		JsonNode root;
		try {
			root = this.json.readTree(text);
		}
		catch (MalformedTextException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		catch (JacksonException ex) {
			throw ErrorCode.INVALID_MESSAGE_FORMAT.exception();
		}
		if (root == null || !root.isObject() || root.get("event") == null || !root.get("event").isString()) {
			throw ErrorCode.INVALID_MESSAGE_FORMAT.exception();
		}
		return new Inbound(root.get("event").stringValue(), root.get("data"));
	}

	TextMessage error(ErrorCode code) {
		return this.errors.get(code);
	}

	TextMessage joined(String conversationId, ConversationStatus status) {
		return frame("JOINED_CONVERSATION", new JoinedData(conversationId, status.value()));
	}

	TextMessage left(String conversationId) {
		return frame("LEFT_CONVERSATION", new ConversationData(conversationId));
	}

	/** A widget visitor's: the staff moved the conversation to {@code status}. */
	TextMessage status(ConversationId conversationId, ConversationStatus status) {
		return frame("CONVERSATION_STATUS", new StatusData(conversationId.toString(), status.value()));
	}

	TextMessage closed(ConversationId conversationId) {
		return frame("CONVERSATION_CLOSED", new ConversationData(conversationId.toString()));
	}

	TextMessage removed(ConversationId conversationId) {
		return frame("CONVERSATION_REMOVED", new ConversationData(conversationId.toString()));
	}

	/** The conversation was merged into {@code into} (decision 84). */
	TextMessage merged(ConversationId conversationId, ConversationId into) {
		return frame("CONVERSATION_MERGED", new MergedData(conversationId.toString(), into.toString()));
	}

	/** What became of the staff's message of {@code sequence} that a channel carried. */
	TextMessage delivery(ConversationId conversationId, long sequence, DeliveryState delivery) {
		return frame("MESSAGE_DELIVERY", new DeliveryData(conversationId.toString(), sequence, delivery.value()));
	}

	TextMessage newMessage(Message message) {
		return newMessage(message, Attachment.STAFF_PATH);
	}

	/**
	 * The frame of a message for widget visitors: the staff's, its files downloaded from
	 * the visitors' route; the staff's own frame when it carries none.
	 */
	TextMessage newMessageForVisitors(Message message, TextMessage staffFrame) {
		return message.attachments().isEmpty() ? staffFrame : newMessage(message, Attachment.VISITOR_PATH);
	}

	private TextMessage newMessage(Message message, String downloads) {
		return frame("NEW_MESSAGE", new NewMessageData(message.conversationId().toString(), message.senderId(),
				message.senderRole(), message.content(), Timestamps.format(message.createdAt()), message.sequence(),
				message.isInternal() ? message.note() : null, message.type().value(), AuthorData.of(message.author()),
				message.attachments().stream().map((attachment) -> AttachmentData.of(attachment, downloads)).toList()));
	}

	/** A member's new or grown notification, to their staff sockets. */
	TextMessage notification(NotificationView notification, long unreadCount) {
		return frame("NOTIFICATION", new NotificationData(notification, unreadCount));
	}

	/** The sender's answer for a message it gave a {@code clientMessageId}. */
	TextMessage messageSent(Message message) {
		return frame("MESSAGE_SENT", new SentData(message.conversationId().toString(), message.clientMessageId(),
				message.sequence(), Timestamps.format(message.createdAt())));
	}

	/** A visitor's answer to their join: the staff's, with the agent who handles it. */
	TextMessage visitorJoined(String conversationId, ConversationStatus status, AgentView agent) {
		return frame("JOINED_CONVERSATION", new VisitorJoinedData(conversationId, status.value(), agent));
	}

	TextMessage typing(ConversationId conversationId, Author.Type author, String name, boolean typing) {
		return frame("TYPING", new TypingData(conversationId.toString(), new TypistData(author.value(), name), typing));
	}

	TextMessage read(ConversationId conversationId, Author.Type reader, long sequence) {
		return frame("READ", new ReadData(conversationId.toString(), new ReaderData(reader.value()), sequence));
	}

	/** The agent who handles the conversation now, {@code null} for none. */
	TextMessage agentChanged(ConversationId conversationId, AgentView agent) {
		return frame("AGENT_CHANGED", new AgentChangedData(conversationId.toString(), agent));
	}

	TextMessage presence(ConversationId conversationId, Availability presence) {
		return frame("PRESENCE", new PresenceData(conversationId.toString(), presence.value()));
	}

	/** A waiting visitor's place in the queue. */
	TextMessage queue(ConversationId conversationId, QueueEstimate estimate) {
		return frame("QUEUE",
				new QueueData(conversationId.toString(), estimate.position(), estimate.expectedWaitSeconds()));
	}

	TextMessage inboxSubscribed(WorkspaceId workspace) {
		return frame("INBOX_SUBSCRIBED", new WorkspaceData(workspace.toString()));
	}

	TextMessage notificationsSubscribed(WorkspaceId workspace) {
		return frame("NOTIFICATIONS_SUBSCRIBED", new WorkspaceData(workspace.toString()));
	}

	TextMessage messageEdited(Message message) {
		return frame("MESSAGE_EDITED", new EditedData(message.conversationId().toString(), message.sequence(),
				message.content(), Timestamps.format(message.editedAt())));
	}

	/**
	 * {@code CONVERSATION_CREATED} or {@code CONVERSATION_UPDATED} for the staff's inbox.
	 */
	TextMessage conversation(String event, ConversationSnapshot conversation) {
		return frame(event,
				new ConversationUpdate(conversation.id().toString(), conversation.status().value(),
						conversation.priority().value(), conversation.channel().value(), conversation.subject(),
						text(conversation.supervisorId()), text(conversation.agentId()),
						Timestamps.format(conversation.updatedAt())));
	}

	/**
	 * New messages in a conversation, coalesced: where it stands now, and the sequence
	 * and time of its newest message.
	 */
	TextMessage activity(ConversationSnapshot conversation, long lastSequence, Instant lastMessageAt) {
		return frame("CONVERSATION_ACTIVITY",
				new ActivityData(conversation.id().toString(), conversation.status().value(),
						conversation.priority().value(), text(conversation.agentId()),
						Timestamps.format(conversation.updatedAt()), lastSequence, Timestamps.format(lastMessageAt)));
	}

	private static String text(UserId id) {
		return (id != null) ? id.toString() : null;
	}

	/**
	 * A frame that can always be sent: text that could not be encoded (stored before it
	 * was refused at the door) reaches the client as U+FFFD rather than failing the send.
	 */
	private TextMessage frame(String event, Object data) {
		return new TextMessage(Text.repaired(this.json.writeValueAsString(new Outbound(event, data))));
	}

	/**
	 * A client frame whose envelope is valid; {@code data} is checked by the event's
	 * handler.
	 */
	record Inbound(String event, JsonNode data) {

		/**
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} unless {@code data.field} is non-blank
		 * text of at most {@code maxLength}
		 */
		String text(String field, int maxLength) {
			JsonNode value = (this.data != null && this.data.isObject()) ? this.data.get(field) : null;
			if (value == null || !value.isString() || value.stringValue().isBlank()
					|| value.stringValue().length() > maxLength) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return value.stringValue();
		}

		/**
		 * {@code data.field} as text of at most {@code maxLength}, or {@code null} when
		 * absent.
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when present but blank, too long or no
		 * text
		 */
		String optionalText(String field, int maxLength) {
			JsonNode value = field(field);
			return (value == null || value.isNull()) ? null : text(field, maxLength);
		}

		/**
		 * {@code data.field} as a list of at most {@code maxItems} texts of at most
		 * {@code maxLength} each, or {@code null} when absent.
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when present but no such list
		 */
		List<String> optionalTexts(String field, int maxItems, int maxLength) {
			JsonNode value = field(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isArray() || value.size() > maxItems) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			List<String> texts = new ArrayList<>(value.size());
			for (JsonNode item : value) {
				if (!item.isString() || item.stringValue().isBlank() || item.stringValue().length() > maxLength) {
					throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
				}
				texts.add(item.stringValue());
			}
			return texts;
		}

		/**
		 * {@code data.field} as a whole number of at least 0, or {@code null} when
		 * absent.
		 */
		Long optionalCount(String field) {
			JsonNode value = field(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return value.longValue();
		}

		/**
		 * {@code data.field} as a boolean, {@code false} when absent.
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when present but no boolean
		 */
		boolean optionalFlag(String field) {
			JsonNode value = field(field);
			if (value == null || value.isNull()) {
				return false;
			}
			if (!value.isBoolean()) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return value.booleanValue();
		}

		/**
		 * Where a resuming join starts: after {@code afterSequence} and, for the staff,
		 * after note {@code afterNote}; {@code null} for a join without resume.
		 */
		Position resumePosition() {
			Long sequence = optionalCount("afterSequence");
			Long note = optionalCount("afterNote");
			if (sequence == null) {
				if (note != null) {
					throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
				}
				return null;
			}
			return new Position(sequence, (note != null) ? note : 0);
		}

		/**
		 * {@code data.field} as a boolean.
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when absent or no boolean
		 */
		boolean flag(String field) {
			JsonNode value = field(field);
			if (value == null || !value.isBoolean()) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return value.booleanValue();
		}

		/**
		 * {@code data.field} as a whole number of at least 0.
		 * @throws io.parley.system.ParleyException
		 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} when absent or no such number
		 */
		long count(String field) {
			Long value = optionalCount(field);
			if (value == null) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			return value;
		}

		private JsonNode field(String field) {
			return (this.data != null && this.data.isObject()) ? this.data.get(field) : null;
		}

		String conversationId() {
			return text("conversationId", 100);
		}

	}

	@JsonPropertyOrder({ "event", "data" })
	record Outbound(String event, Object data) {
	}

	record ErrorData(String message) {
	}

	record ConversationData(String conversationId) {
	}

	@JsonPropertyOrder({ "conversationId", "status" })
	record JoinedData(String conversationId, String status) {
	}

	@JsonPropertyOrder({ "conversationId", "status" })
	record StatusData(String conversationId, String status) {
	}

	@JsonPropertyOrder({ "conversationId", "sequence", "delivery" })
	record DeliveryData(String conversationId, long sequence, String delivery) {
	}

	record MergedData(String conversationId, String intoId) {
	}

	@JsonPropertyOrder({ "conversationId", "senderId", "senderRole", "content", "createdAt", "sequence", "note", "type",
			"author", "attachments" })
	record NewMessageData(String conversationId, String senderId, String senderRole, String content, String createdAt,
			long sequence, @JsonInclude(JsonInclude.Include.NON_NULL) Long note, String type, AuthorData author,
			List<AttachmentData> attachments) {
	}

	/** A file the message carries, and where it is downloaded. */
	@JsonPropertyOrder({ "id", "name", "contentType", "size", "url", "image" })
	record AttachmentData(String id, String name, String contentType, long size, String url, boolean image) {

		/**
		 * @param path where the receiver downloads files: the staff's or a visitor's
		 */
		static AttachmentData of(Attachment attachment, String path) {
			return new AttachmentData(attachment.id().toString(), attachment.name(), attachment.contentType(),
					attachment.size(), attachment.url(path), attachment.isImage());
		}

	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record AuthorData(String type, String id, String name, String avatarUrl) {

		static AuthorData of(Author author) {
			return new AuthorData(author.type().value(), (author.id() != null) ? author.id().toString() : null,
					author.name(), author.avatarUrl());
		}

	}

	record SentData(String conversationId, String clientMessageId, long sequence, String createdAt) {
	}

	@JsonPropertyOrder({ "notification", "unreadCount" })
	record NotificationData(NotificationView notification, long unreadCount) {
	}

	record WorkspaceData(String workspaceId) {
	}

	@JsonPropertyOrder({ "conversationId", "status", "agent" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record VisitorJoinedData(String conversationId, String status, AgentView agent) {
	}

	@JsonPropertyOrder({ "conversationId", "author", "typing" })
	record TypingData(String conversationId, TypistData author, boolean typing) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record TypistData(String type, String name) {
	}

	@JsonPropertyOrder({ "conversationId", "author", "sequence" })
	record ReadData(String conversationId, ReaderData author, long sequence) {
	}

	record ReaderData(String type) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record AgentChangedData(String conversationId, AgentView agent) {
	}

	record PresenceData(String conversationId, String presence) {
	}

	@JsonPropertyOrder({ "conversationId", "position", "expectedWaitSeconds" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record QueueData(String conversationId, int position, Long expectedWaitSeconds) {
	}

	record EditedData(String conversationId, long sequence, String content, String editedAt) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	@JsonPropertyOrder({ "conversationId", "status", "priority", "agentId", "updatedAt", "lastSequence",
			"lastMessageAt" })
	record ActivityData(String conversationId, String status, String priority, String agentId, String updatedAt,
			long lastSequence, String lastMessageAt) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ConversationUpdate(String conversationId, String status, String priority, String channel, String subject,
			String supervisorId, String agentId, String updatedAt) {
	}

}

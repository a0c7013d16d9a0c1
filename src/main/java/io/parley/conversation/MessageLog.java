package io.parley.conversation;

import java.util.List;

import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.system.ErrorCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends messages to conversations. A message is committed, with the next sequence
 * number of its conversation, before anyone is told of it.
 */
@Service
public class MessageLog {

	private final Conversations conversations;

	private final Messages messages;

	private final MessageWriter writer;

	private final ApplicationEventPublisher events;

	MessageLog(Conversations conversations, Messages messages, MessageWriter writer, ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.messages = messages;
		this.writer = writer;
		this.events = events;
	}

	/**
	 * Stores a message, then announces it with {@link MessagePosted}: returns once it is
	 * committed.
	 * @param origin opaque id of the sending connection, passed on in
	 * {@link MessagePosted}
	 */
	public Message post(Caller sender, ConversationId id, String content, String origin) {
		return post(sender, id, MessageType.TEXT, content, origin);
	}

	/**
	 * Stores a message of a type people write: {@code text} from the conversation's
	 * participants, {@code note} from the staff who can see it.
	 */
	public Message post(Caller sender, ConversationId id, MessageType type, String content, String origin) {
		if (content == null || content.isBlank() || content.length() > Message.MAX_LENGTH
				|| (type != MessageType.TEXT && type != MessageType.NOTE)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Message message = this.writer.write(sender, id, type, content);
		this.events.publishEvent(new MessagePosted(message, origin));
		return message;
	}

	/** A conversation's messages in order, for whoever may see the conversation. */
	@Transactional(readOnly = true)
	public Transcript transcript(Caller reader, ConversationId id) {
		Conversation conversation = this.conversations.find(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return new Transcript(conversation, this.messages.of(id, seesNotes(reader, conversation)));
	}

	static boolean seesNotes(Caller reader, Conversation conversation) {
		return reader.can(Permission.WRITE_NOTES) && !conversation.isCustomer(reader);
	}

	public record Transcript(Conversation conversation, List<Message> messages) {
	}

}

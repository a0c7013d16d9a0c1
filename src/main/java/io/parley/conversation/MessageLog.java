package io.parley.conversation;

import java.util.List;

import io.parley.identity.Caller;
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

	private final ApplicationEventPublisher events;

	MessageLog(Conversations conversations, Messages messages, ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.messages = messages;
		this.events = events;
	}

	/**
	 * @param origin opaque id of the sending connection, passed on in
	 * {@link MessagePosted}
	 */
	@Transactional
	public Message post(Caller sender, ConversationId id, String content, String origin) {
		if (content == null || content.isBlank() || content.length() > Message.MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Conversation conversation = this.conversations.lock(id)
			.filter((found) -> found.hasParticipant(sender))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Message message = conversation.append(sender, content);
		this.conversations.saveSequence(conversation);
		this.messages.add(message);
		this.events.publishEvent(new MessagePosted(message, origin));
		return message;
	}

	/** A conversation's messages in order, for whoever may see the conversation. */
	@Transactional(readOnly = true)
	public Transcript transcript(Caller reader, ConversationId id) {
		Conversation conversation = this.conversations.find(id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return new Transcript(conversation, this.messages.of(id));
	}

	public record Transcript(Conversation conversation, List<Message> messages) {
	}

}

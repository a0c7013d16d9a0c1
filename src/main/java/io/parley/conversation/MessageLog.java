package io.parley.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

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

	private final ReadStates reads;

	MessageLog(Conversations conversations, Messages messages, ReadStates reads, MessageWriter writer,
			ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.messages = messages;
		this.reads = reads;
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
		if (type == MessageType.TEXT) {
			// as for joining a room: writing takes part in the conversation
			sender.require(Permission.TAKE_PART_IN_CONVERSATION);
		}
		Message message = this.writer.write(sender, id, type, content);
		this.events.publishEvent(new MessagePosted(message, origin));
		return message;
	}

	/** A conversation's messages in order, for whoever may see the conversation. */
	@Transactional(readOnly = true)
	public Transcript transcript(Caller reader, ConversationId id) {
		Conversation conversation = visible(reader, id);
		return new Transcript(conversation, this.messages.of(id, seesNotes(reader, conversation)));
	}

	/**
	 * A page of a conversation's messages in sequence order: those after {@code after}
	 * (catching up), or else the newest before {@code before} (scrolling back), or else
	 * the newest.
	 * @param after a sequence number, or {@code null}
	 * @param before a sequence number, or {@code null}
	 */
	@Transactional(readOnly = true)
	public MessagePage page(Caller reader, ConversationId id, Long after, Long before, int limit) {
		Conversation conversation = visible(reader, id);
		boolean notes = seesNotes(reader, conversation);
		List<Message> messages = (after != null) ? this.messages.after(id, after, limit + 1, notes)
				: this.messages.before(id, (before != null) ? before : Long.MAX_VALUE, limit + 1, notes);
		boolean more = messages.size() > limit;
		if (after != null) {
			List<Message> page = more ? messages.subList(0, limit) : messages;
			return new MessagePage(page, more ? page.get(page.size() - 1).sequence() : null);
		}
		List<Message> page = new ArrayList<>(more ? messages.subList(0, limit) : messages);
		Collections.reverse(page);
		return new MessagePage(page, more ? page.get(0).sequence() : null);
	}

	/** The sender changes what a message says, while the conversation is not closed. */
	@Transactional
	public Message edit(Caller sender, ConversationId id, long sequence, String content) {
		if (content == null || content.isBlank() || content.length() > Message.MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Conversation conversation = this.conversations.lock(sender.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(sender)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Message message = this.messages.find(id, sequence)
			.filter((found) -> !found.isNote() || seesNotes(sender, conversation))
			.orElseThrow(ErrorCode.MESSAGE_NOT_FOUND::exception);
		if (!sender.is(message.senderId())) {
			throw ErrorCode.NOT_YOUR_MESSAGE.exception();
		}
		if (!conversation.isActive()) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
		Message edited = message.edit(content, Timestamps.now());
		this.messages.save(edited);
		this.events.publishEvent(new MessageEdited(edited));
		return edited;
	}

	/**
	 * Marks the conversation read by the caller up to {@code sequence}, or to its last
	 * message when {@code null}.
	 */
	@Transactional
	public ReadState markRead(Caller reader, ConversationId id, Long sequence) {
		Conversation conversation = this.conversations.lock(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		if (sequence != null && (sequence < 0 || sequence > conversation.lastSequence())) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return this.reads.markRead(id, reader.userId(), (sequence != null) ? sequence : conversation.lastSequence(),
				Timestamps.now());
	}

	private Conversation visible(Caller reader, ConversationId id) {
		Conversation conversation = this.conversations.find(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return conversation;
	}

	static boolean seesNotes(Caller reader, Conversation conversation) {
		return Conversation.showsNotes(reader, conversation.candidateId());
	}

	public record Transcript(Conversation conversation, List<Message> messages) {
	}

	/**
	 * Messages in sequence order; {@code nextCursor} is the sequence to pass on for the
	 * next page, or {@code null} when there is none.
	 */
	public record MessagePage(List<Message> messages, Long nextCursor) {
	}

}

package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.contact.ContactId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A conversation's contact taking part without a login (a widget visitor): they reach
 * only their own contact's conversations, and see what the customer sees, never notes nor
 * Parley's staff lines. Who the contact is was established by the adapter (the visitor's
 * token).
 */
@Service
public class ContactParticipation {

	private final Conversations conversations;

	private final Messages messages;

	private final ReadStates reads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContactParticipation(Conversations conversations, Messages messages, ReadStates reads,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.reads = reads;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The contact's own conversation, as it is now; empty for another's, another
	 * workspace's or none.
	 */
	@Transactional(readOnly = true)
	public Optional<Conversation> find(WorkspaceId workspace, ContactId contact, ConversationId id) {
		return this.conversations.find(workspace, id).filter((found) -> contact.equals(found.contactId()));
	}

	/**
	 * The contact enters their conversation.
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE} unless it is theirs,
	 * {@link ErrorCode#CONVERSATION_ALREADY_CLOSED} once it is closed
	 */
	@Transactional(readOnly = true)
	public Conversation join(WorkspaceId workspace, ContactId contact, ConversationId id) {
		Conversation conversation = find(workspace, contact, id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		if (!conversation.isActive()) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
		return conversation;
	}

	/**
	 * What the contact missed after {@code after}, in order, at most {@code limit}: the
	 * customer's messages only, never notes or system lines.
	 */
	@Transactional(readOnly = true)
	public List<Message> missed(Conversation conversation, Position after, int limit) {
		return this.messages.after(conversation.id(), after, limit, false);
	}

	/**
	 * The contact has read their conversation up to {@code sequence}, or to its last
	 * message when {@code null}; the mark never moves back. The staff are told when it
	 * moved ({@link ConversationRead}).
	 * @return the contact's mark now
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE} unless it is theirs,
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} for a sequence beyond the last message
	 */
	@Transactional
	public long markRead(WorkspaceId workspace, ContactId contact, ConversationId id, Long sequence) {
		Conversation conversation = this.conversations.lock(workspace, id)
			.filter((found) -> contact.equals(found.contactId()))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		if (sequence != null && (sequence < 0 || sequence > conversation.lastSequence())) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		long wanted = (sequence != null) ? sequence : conversation.lastSequence();
		Instant now = Timestamps.now(this.clock);
		Optional<Long> moved = this.reads.markReadByContact(id, wanted, now);
		moved.ifPresent((mark) -> this.events
			.publishEvent(new ConversationRead(id, workspace, Author.Type.CONTACT, mark, now)));
		return moved.orElseGet(() -> this.reads.readByContact(id));
	}

	/** How far the contact has read the conversation; 0 before they read anything. */
	@Transactional(readOnly = true)
	public long readByContact(ConversationId id) {
		return this.reads.readByContact(id);
	}

}

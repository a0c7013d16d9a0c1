package io.parley.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's own conversations as the customer sees them (the widget's visitor): only
 * the conversations of that contact, and in them only the messages of the customer's
 * sequence, never internal notes nor Parley's staff lines. A conversation of another
 * contact is not found, as if it did not exist.
 */
@Service
public class CustomerConversations {

	/** The most conversations a customer is shown. */
	public static final int MAX_CONVERSATIONS = 50;

	private final Conversations conversations;

	private final Messages messages;

	private final ReadStates reads;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerConversations(Conversations conversations, Messages messages, ReadStates reads,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.reads = reads;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Keeps what the host page said about the conversation and where it started (a JSON
	 * object), for the staff; in the transaction that started it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void describe(WorkspaceId workspace, ConversationId id, String attributes) {
		this.conversations.describe(workspace, id, attributes);
	}

	/** The conversation's attributes as {@link #describe} kept them, or {@code null}. */
	@Transactional(readOnly = true)
	public String attributes(WorkspaceId workspace, ConversationId id) {
		return this.conversations.attributes(workspace, id);
	}

	/** The contact's conversations, newest first. */
	@Transactional(readOnly = true)
	public List<Conversation> of(WorkspaceId workspace, ContactId contact) {
		return this.conversations.ofContact(workspace, contact, MAX_CONVERSATIONS);
	}

	/** The conversation, when it is the contact's. */
	@Transactional(readOnly = true)
	public Optional<Conversation> find(WorkspaceId workspace, ContactId contact, ConversationId id) {
		return this.conversations.find(workspace, id)
			.filter((conversation) -> conversation.contactId().equals(contact));
	}

	/**
	 * The conversation, when it is the contact's, or the one it was merged into, and so
	 * on (decision 84): where what answers it goes now.
	 */
	@Transactional(readOnly = true)
	public Optional<Conversation> findFollowingMerges(WorkspaceId workspace, ContactId contact, ConversationId id) {
		Optional<Conversation> found = find(workspace, contact, id);
		for (int hops = 0; hops < Conversations.MAX_MERGED && found.isPresent()
				&& found.get().mergedInto() != null; hops++) {
			found = find(workspace, contact, found.get().mergedInto());
		}
		return found;
	}

	/**
	 * A page of what the customer sees: the first after {@code after}, else the last
	 * before {@code before}, else the newest; {@code nextCursor} as
	 * {@link MessageLog#page}'s.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND}
	 * when it is not the contact's
	 */
	@Transactional(readOnly = true)
	public MessageLog.MessagePage page(WorkspaceId workspace, ContactId contact, ConversationId id, Long after,
			Long before, int limit) {
		find(workspace, contact, id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		List<Message> found = (after != null) ? this.messages.after(id, new Position(after, 0), limit + 1, false)
				: this.messages.before(id, (before != null) ? new Position(before, 0) : Position.END, limit + 1, false);
		boolean more = found.size() > limit;
		if (after != null) {
			List<Message> page = more ? found.subList(0, limit) : found;
			return new MessageLog.MessagePage(page, more ? Position.of(page.get(page.size() - 1)) : null);
		}
		List<Message> page = new ArrayList<>(more ? found.subList(0, limit) : found);
		Collections.reverse(page);
		return new MessageLog.MessagePage(page, more ? Position.of(page.get(0)) : null);
	}

	/**
	 * Marks the conversation read by the customer up to {@code sequence}, or to its last
	 * message when {@code null}; the mark never moves back. The contact's id is the
	 * reader's.
	 */
	@Transactional
	public ReadState markRead(WorkspaceId workspace, ContactId contact, ConversationId id, Long sequence) {
		Conversation conversation = this.conversations.lock(workspace, id)
			.filter((found) -> found.contactId().equals(contact))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (sequence != null && (sequence < 0 || sequence > conversation.lastSequence())) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ReadState read = this.reads.markRead(id, new UserId(contact.value()),
				(sequence != null) ? sequence : conversation.lastSequence(), Timestamps.now(this.clock));
		// the staff in the room see the read receipt (decision 66)
		this.events.publishEvent(
				new ConversationRead(id, workspace, Author.Type.CONTACT, read.lastReadSequence(), read.readAt()));
		return read;
	}

}

package io.parley.conversation;

import java.util.List;
import java.util.Optional;

import io.parley.contact.ContactId;
import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;

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

	ContactParticipation(Conversations conversations, Messages messages) {
		this.conversations = conversations;
		this.messages = messages;
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

}

package io.parley.widget;

import java.util.List;

import io.parley.contact.Contact;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationQueue;
import io.parley.conversation.QueueEstimate;
import io.parley.conversation.Rating;
import io.parley.conversation.Ratings;
import io.parley.conversation.ConversationId;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.MessageLog.MessagePage;
import io.parley.conversation.ReadState;
import io.parley.system.ErrorCode;
import io.parley.widget.CustomerView.ConversationView;

import org.springframework.stereotype.Service;

/**
 * What a visitor reads of their own conversations: only those of their own contact (none
 * before their first message), in the customer view. Another visitor's conversation is
 * not found.
 */
@Service
public class VisitorConversations {

	/** The most messages one page holds. */
	public static final int MAX_PAGE = 100;

	private final VisitorContacts contacts;

	private final CustomerConversations conversations;

	private final AgentCards agents;

	private final ConversationQueue queue;

	private final Ratings ratings;

	VisitorConversations(VisitorContacts contacts, CustomerConversations conversations, AgentCards agents,
			ConversationQueue queue, Ratings ratings) {
		this.contacts = contacts;
		this.conversations = conversations;
		this.agents = agents;
		this.queue = queue;
		this.ratings = ratings;
	}

	/** The visitor's conversations, newest first. */
	public List<ConversationView> of(Visitor visitor) {
		return this.contacts.find(visitor)
			.map((contact) -> this.conversations.of(visitor.workspaceId(), contact.id())
				.stream()
				.map(this::view)
				.toList())
			.orElse(List.of());
	}

	/** One of the visitor's conversations. */
	public ConversationView find(Visitor visitor, String id) {
		return view(conversation(visitor, id));
	}

	/** A page of a conversation's messages, as {@link CustomerConversations#page}. */
	public MessagePage messages(Visitor visitor, String id, Long after, Long before, int limit) {
		if (limit < 1 || limit > MAX_PAGE || (after != null && after < 0) || (before != null && before < 0)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Contact contact = contact(visitor);
		return this.conversations.page(visitor.workspaceId(), contact.id(), conversationId(id), after, before, limit);
	}

	/** The visitor read the conversation up to {@code sequence} (its end when null). */
	public ReadState markRead(Visitor visitor, String id, Long sequence) {
		return this.conversations.markRead(visitor.workspaceId(), contact(visitor).id(), conversationId(id), sequence);
	}

	/** The visitor's conversation, locked by nobody. */
	Conversation conversation(Visitor visitor, String id) {
		Contact contact = contact(visitor);
		return this.conversations.find(visitor.workspaceId(), contact.id(), conversationId(id))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

	ConversationView view(Conversation conversation) {
		QueueEstimate place = conversation.isActive() && conversation.agentId() == null
				? this.queue.queueOf(conversation.workspaceId(), conversation.id()).orElse(null) : null;
		Rating rating = conversation.isSettled() ? this.ratings.of(conversation).orElse(null) : null;
		return ConversationView.of(conversation, this.agents.of(conversation.workspaceId(), conversation.agentId()),
				place, rating);
	}

	private Contact contact(Visitor visitor) {
		return this.contacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

	private static ConversationId conversationId(String id) {
		return ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

}

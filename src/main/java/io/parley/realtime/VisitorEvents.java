package io.parley.realtime;

import io.parley.contact.Contact;
import io.parley.conversation.Author;
import io.parley.conversation.ContactParticipation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.system.ErrorCode;
import io.parley.system.RateLimit;
import io.parley.system.RateLimiter;
import io.parley.widget.AgentCards;
import io.parley.widget.VisitorChats;
import io.parley.widget.VisitorContacts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The events of a widget visitor's socket (decision 65): the staff's names, and seed
 * 001's. A visitor reaches only their own contact's conversations, as the customer: no
 * notes, no staff lines. Unknown events, and the staff's own (closing, the inbox), are
 * answered {@code Unknown event}.
 */
@Component
class VisitorEvents {

	private final Frames frames;

	private final Rooms rooms;

	private final RoomEntrance entrance;

	private final ContactParticipation participation;

	private final CustomerConversations customers;

	private final VisitorContacts contacts;

	private final MessageLog messages;

	private final Fanout fanout;

	private final AgentCards agents;

	private final QueueNotifier queue;

	private final RateLimit typingLimit;

	private final RateLimiter limiter;

	private final RateLimit messageLimit;

	VisitorEvents(Frames frames, Rooms rooms, RoomEntrance entrance, ContactParticipation participation,
			CustomerConversations customers, VisitorContacts contacts, MessageLog messages, Fanout fanout,
			AgentCards agents, QueueNotifier queue, RateLimiter limiter,
			@Value("${parley.rate-limit.socket-typing}") String typingLimit,
			@Value("${parley.rate-limit.widget-messages}") String messageLimit) {
		this.frames = frames;
		this.rooms = rooms;
		this.entrance = entrance;
		this.participation = participation;
		this.customers = customers;
		this.contacts = contacts;
		this.messages = messages;
		this.fanout = fanout;
		this.agents = agents;
		this.queue = queue;
		this.typingLimit = RateLimit.parse("socket-typing", typingLimit);
		this.limiter = limiter;
		this.messageLimit = RateLimit.parse("widget-messages", messageLimit);
	}

	/**
	 * @throws io.parley.system.ParleyException for a frame that is refused; nothing was
	 * done
	 */
	void handle(Connection connection, SocketPrincipal.WidgetVisitor visitor, Frames.Inbound frame) {
		switch (frame.event()) {
			case "JOIN_CONVERSATION", "chat:join" -> join(connection, visitor, frame);
			case "SEND_MESSAGE", "chat:message" -> send(connection, visitor, frame);
			case "LEAVE_CONVERSATION", "chat:leave" -> leave(connection, frame);
			case "TYPING", "chat:typing" -> typing(connection, visitor, frame);
			case "READ", "chat:read" -> read(visitor, frame);
			default -> throw ErrorCode.UNKNOWN_EVENT.exception();
		}
	}

	/**
	 * Joins the room of one of the visitor's conversations; with {@code afterSequence},
	 * what they missed comes first, as for the staff. {@code JOINED_CONVERSATION} names
	 * the agent who handles it.
	 */
	private void join(Connection connection, SocketPrincipal.WidgetVisitor visitor, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		Long afterSequence = frame.optionalCount("afterSequence");
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Contact contact = contactOf(visitor);
		// a customer's position is their sequence alone
		Position resumeAfter = (afterSequence != null) ? new Position(afterSequence, 0) : null;
		this.entrance.enter(connection, id, resumeAfter, false,
				() -> this.participation.join(visitor.workspaceId(), contact.id(), id), this.participation::missed,
				(conversation) -> this.frames.visitorJoined(conversationId, conversation.status(),
						this.agents.of(conversation.workspaceId(), conversation.agentId())));
		this.queue.joined(connection, visitor.workspaceId(), id);
	}

	/**
	 * Writes a message as the conversation's contact; with {@code clientMessageId} the
	 * visitor is answered {@code MESSAGE_SENT}, also for a repeat, stored once.
	 */
	private void send(Connection connection, SocketPrincipal.WidgetVisitor visitor, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		String content = frame.text("content", Message.MAX_LENGTH);
		String clientMessageId = frame.optionalText("clientMessageId", Message.MAX_CLIENT_ID_LENGTH);
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		Contact contact = contactOf(visitor);
		// one limit for the visitor's messages, whether over REST or here
		this.limiter.require(this.messageLimit, VisitorChats.key(visitor.visitor()));
		Author author = new Author.Contact(contact.id(), contact.userId(), contact.name(), null);
		Posted posted = this.messages.postAs(author, visitor.workspaceId(), id, MessageType.TEXT, content,
				clientMessageId, connection.id());
		if (clientMessageId != null) {
			connection.send(this.frames.messageSent(posted.message()));
		}
	}

	private void leave(Connection connection, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		ConversationId.parse(conversationId)
			.ifPresent((id) -> this.rooms.ifPresent(id, (room) -> room.remove(connection)));
		connection.send(this.frames.left(conversationId));
	}

	private void typing(Connection connection, SocketPrincipal.WidgetVisitor visitor, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		boolean typing = frame.flag("typing");
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		if (!connection.mayType(this.typingLimit)) {
			throw ErrorCode.TOO_MANY_REQUESTS.exception();
		}
		this.fanout.typing(id, connection.id(), Author.Type.CONTACT, contactOf(visitor).name(), typing);
	}

	/** Stores how far the visitor has read; the staff in the room are shown it. */
	private void read(SocketPrincipal.WidgetVisitor visitor, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		long sequence = frame.count("sequence");
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		this.customers.markRead(visitor.workspaceId(), contactOf(visitor).id(), id, sequence);
	}

	/**
	 * The visitor's contact, looked up once: a visitor without one has written nothing,
	 * so no conversation is theirs.
	 */
	private Contact contactOf(SocketPrincipal.WidgetVisitor visitor) {
		return visitor.contact().orElseGet(() -> {
			Contact found = this.contacts.find(visitor.visitor())
				.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
			visitor.remember(found);
			return found;
		});
	}

}

package io.parley.realtime;

import java.util.UUID;

import io.parley.contact.Contact;
import io.parley.conversation.Author;
import io.parley.conversation.ContactParticipation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Position;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.RateLimit;
import io.parley.system.RateLimiter;
import io.parley.widget.AgentCards;
import io.parley.widget.AllowedOrigins;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorContacts;
import io.parley.widget.VisitorSocketTickets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's fallback transport, for browsers where no WebSocket opens (decision 67): a
 * visitor's event stream joins one conversation's room as a socket does, with the same
 * frames, the same resume and the same bounded, never-blocking queue; the visitor sends
 * over REST, typing included.
 */
@Service
public class VisitorStreams {

	private final VisitorSocketTickets tickets;

	private final AllowedOrigins origins;

	private final VisitorContacts contacts;

	private final ContactParticipation participation;

	private final RoomEntrance entrance;

	private final Rooms rooms;

	private final ConnectionRegistry connections;

	private final EventStreams streams;

	private final Frames frames;

	private final AgentCards agents;

	private final QueueNotifier queue;

	private final Fanout fanout;

	private final RateLimiter limiter;

	private final RateLimit typingLimit;

	VisitorStreams(VisitorSocketTickets tickets, AllowedOrigins origins, VisitorContacts contacts,
			ContactParticipation participation, RoomEntrance entrance, Rooms rooms, ConnectionRegistry connections,
			EventStreams streams, Frames frames, AgentCards agents, QueueNotifier queue, Fanout fanout,
			RateLimiter limiter, @Value("${parley.rate-limit.socket-typing}") String typingLimit) {
		this.tickets = tickets;
		this.origins = origins;
		this.contacts = contacts;
		this.participation = participation;
		this.entrance = entrance;
		this.rooms = rooms;
		this.connections = connections;
		this.streams = streams;
		this.frames = frames;
		this.agents = agents;
		this.queue = queue;
		this.fanout = fanout;
		this.limiter = limiter;
		this.typingLimit = RateLimit.parse("socket-typing", typingLimit);
	}

	/**
	 * Opens the stream of one of the visitor's conversations:
	 * {@code JOINED_CONVERSATION}, then, resuming, every message after
	 * {@code afterSequence}, then the live events.
	 * @param ticket a visitor socket ticket, used up by this call
	 * @param origin the request's {@code Origin}, or {@code null}
	 * @param afterSequence where to resume, or {@code null} for the live events only
	 * @throws ParleyException {@link ErrorCode#UNAUTHORIZED} for a spent or unknown
	 * ticket, {@link ErrorCode#ORIGIN_NOT_ALLOWED},
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE} for a conversation not theirs, and
	 * what a join is refused with; nothing is then streamed
	 */
	public SseEmitter open(String ticket, String origin, String conversationId, Long afterSequence) {
		Visitor visitor = this.tickets.redeem(ticket).orElseThrow(ErrorCode.UNAUTHORIZED::exception);
		if (!this.origins.allows(visitor.workspaceId(), origin)) {
			throw ErrorCode.ORIGIN_NOT_ALLOWED.exception();
		}
		if (afterSequence != null && afterSequence < 0) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Contact contact = this.contacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		SocketPrincipal.WidgetVisitor principal = new SocketPrincipal.WidgetVisitor(visitor);
		principal.remember(contact);
		SseEmitter emitter = this.streams.emitter();
		Connection connection = new Connection("events-" + UUID.randomUUID(), principal, 0,
				(opened) -> this.streams.open(opened, emitter));
		Runnable ended = () -> {
			connection.closed();
			this.rooms.leaveAll(connection);
			this.connections.remove(connection);
			this.streams.closed(connection);
		};
		emitter.onCompletion(ended);
		emitter.onTimeout(ended);
		emitter.onError((error) -> ended.run());
		this.connections.add(connection);
		this.streams.opened(connection);
		try {
			this.entrance.enter(connection, id, (afterSequence != null) ? new Position(afterSequence, 0) : null, false,
					() -> this.participation.join(visitor.workspaceId(), contact.id(), id), this.participation::missed,
					(conversation) -> this.frames.visitorJoined(conversationId, conversation.status(),
							this.agents.of(conversation.workspaceId(), conversation.agentId())));
		}
		catch (RuntimeException ex) {
			ended.run();
			throw ex;
		}
		this.queue.joined(connection, visitor.workspaceId(), id);
		return emitter;
	}

	/**
	 * The visitor is typing in their conversation, or stopped: the staff in its room are
	 * told. Never stored.
	 * @throws ParleyException {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE} unless it is
	 * theirs, {@link ErrorCode#CONVERSATION_ALREADY_CLOSED} once closed, and
	 * {@link io.parley.system.RateLimitedException} over the typing limit
	 */
	public void typing(Visitor visitor, String conversationId, boolean typing) {
		this.limiter.require(this.typingLimit, visitor.workspaceId() + ":" + visitor.visitorId());
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Contact contact = this.contacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		this.participation.join(visitor.workspaceId(), contact.id(), id);
		this.fanout.typing(id, null, Author.Type.CONTACT, contact.name(), typing);
	}

}

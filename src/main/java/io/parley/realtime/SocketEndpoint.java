package io.parley.realtime;

import java.io.IOException;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.parley.conversation.MessageLog;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.RateLimit;
import io.parley.system.RateLimiter;
import io.parley.widget.Visitor;
import io.parley.workspace.AccessTokens;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberPresence;
import io.parley.workspace.Permission;
import io.parley.workspace.SocketTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The {@code /ws?token=JWT}, {@code /ws?ticket=} and {@code /ws?visitorTicket=} endpoint:
 * authenticates the socket, assembles its frames and hands them to {@link ClientEvents};
 * on disconnect, takes the socket out of its rooms.
 */
@Component
class SocketEndpoint extends AbstractWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(SocketEndpoint.class);

	private static final String CONNECTION = Connection.class.getName();

	private static final String FRAME_BUDGET = Bucket.class.getName();

	private final AccessTokens tokens;

	private final SocketTickets tickets;

	private final ClientEvents events;

	private final Rooms rooms;

	private final Frames frames;

	private final ConnectionRegistry connections;

	private final MemberPresence presence;

	private final MessageLog messages;

	private final Outboxes outboxes;

	private final int maxFrameSize;

	private final RateLimit frameLimit;

	SocketEndpoint(AccessTokens tokens, SocketTickets tickets, ClientEvents events, Rooms rooms, Frames frames,
			ConnectionRegistry connections, MemberPresence presence, MessageLog messages, Outboxes outboxes,
			@Value("${parley.ws.max-frame-size}") int maxFrameSize,
			@Value("${parley.rate-limit.socket-frames}") String frameLimit) {
		this.tokens = tokens;
		this.tickets = tickets;
		this.events = events;
		this.rooms = rooms;
		this.frames = frames;
		this.connections = connections;
		this.presence = presence;
		this.messages = messages;
		this.outboxes = outboxes;
		this.maxFrameSize = maxFrameSize;
		this.frameLimit = RateLimit.parse("socket-frames", frameLimit);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws IOException {
		Object visitor = session.getAttributes().remove(VisitorHandshake.VISITOR);
		if (visitor != null || session.getAttributes().remove(VisitorHandshake.REFUSED) != null) {
			openForVisitor(session, (Visitor) visitor);
			return;
		}
		long membershipChanges = this.connections.membershipChanges();
		// taken out of the URL before the handshake (SocketCredentialsFilter): a ticket
		// for browsers, else seed 003's token
		String ticket = (String) session.getAttributes()
			.remove(SocketCredentialsFilter.attribute(SocketCredentialsFilter.TICKET));
		String token = (String) session.getAttributes()
			.remove(SocketCredentialsFilter.attribute(SocketCredentialsFilter.TOKEN));
		Optional<Caller> caller = (ticket != null) ? this.tickets.redeem(ticket) : this.tokens.verify(token);
		if (caller.isEmpty()) {
			session.sendMessage(this.frames.error(ErrorCode.UNAUTHORIZED));
			session.close(CloseStatus.POLICY_VIOLATION);
			return;
		}
		Connection connection = register(session, new SocketPrincipal.SignedIn(this.messages.sender(caller.get())));
		// a membership that changed between the check and the registration missed this
		// socket when it closed the member's sockets
		if (this.connections.membershipChanges() != membershipChanges
				&& !this.tickets.again(caller.get()).equals(caller)) {
			connection.close(MembershipNotifier.MEMBERSHIP_CHANGED);
		}
	}

	/**
	 * A widget visitor's socket, whose ticket {@link VisitorHandshake} redeemed
	 * ({@code null}: it was refused).
	 */
	private void openForVisitor(WebSocketSession session, Visitor visitor) throws IOException {
		if (visitor == null) {
			session.sendMessage(this.frames.error(ErrorCode.UNAUTHORIZED));
			session.close(CloseStatus.POLICY_VIOLATION);
			return;
		}
		register(session, new SocketPrincipal.WidgetVisitor(visitor));
	}

	private Connection register(WebSocketSession session, SocketPrincipal principal) {
		Connection connection = new Connection(session.getId(), principal, this.maxFrameSize,
				(opened) -> this.outboxes.open(opened, session));
		session.getAttributes().put(CONNECTION, connection);
		session.getAttributes().put(FRAME_BUDGET, RateLimiter.bucket(this.frameLimit));
		this.connections.add(connection);
		return connection;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Connection connection = connectionOf(session);
		if (connection == null) {
			return;
		}
		String frame;
		try {
			frame = connection.assembler().append(message.getPayload(), message.isLast());
		}
		catch (ParleyException ex) {
			connection.send(this.frames.error(ex.code()));
			return;
		}
		if (frame == null) {
			return;
		}
		if (!((Bucket) session.getAttributes().get(FRAME_BUDGET)).tryConsume(1)) {
			// over the socket's rate: this frame is dropped, the socket stays open
			connection.send(this.frames.error(ErrorCode.TOO_MANY_REQUESTS));
			return;
		}
		this.events.handle(connection, frame);
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		Connection connection = connectionOf(session);
		if (connection != null && message.isLast()) {
			connection.send(this.frames.error(ErrorCode.INVALID_MESSAGE_FORMAT));
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Transport error on socket {}: {}", session.getId(), exception.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Connection connection = connectionOf(session);
		if (connection != null) {
			connection.closed();
			this.rooms.leaveAll(connection);
			if (this.connections.remove(connection)) {
				Caller caller = connection.caller();
				if (caller.can(Permission.HANDLE_CONVERSATIONS)) {
					// seed 004: an agent whose last socket closes is offline
					this.presence.lastSocketClosed(caller.workspaceId(), caller.userId());
				}
			}
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	private static Connection connectionOf(WebSocketSession session) {
		return (Connection) session.getAttributes().get(CONNECTION);
	}

}

package io.parley.realtime;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.parley.conversation.ConversationId;
import io.parley.conversation.MessageLog.Sender;
import io.parley.workspace.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One authenticated socket: who is behind it, which rooms it is in, and its outbound
 * frames. Sending only queues; closing happens on the closer's threads.
 */
final class Connection {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	static final CloseStatus FELL_BEHIND = CloseStatus.POLICY_VIOLATION
		.withReason("Too slow, resume from the last sequence");

	private final WebSocketSession session;

	private final Sender sender;

	private final Set<ConversationId> rooms = ConcurrentHashMap.newKeySet();

	private final FrameAssembler assembler;

	private final Outbox outbox;

	private volatile boolean inboxSubscribed;

	private volatile boolean closed;

	/**
	 * @param outboxes makes the connection's outbox (see {@link Outboxes#open})
	 */
	Connection(WebSocketSession session, Sender sender, int maxFrameSize, Function<Connection, Outbox> outboxes) {
		this.session = session;
		this.sender = sender;
		this.assembler = new FrameAssembler(maxFrameSize);
		this.outbox = outboxes.apply(this);
	}

	WebSocketSession session() {
		return this.session;
	}

	String id() {
		return this.session.getId();
	}

	Caller caller() {
		return this.sender.caller();
	}

	/** How the person behind the socket is shown on their messages. */
	Sender sender() {
		return this.sender;
	}

	FrameAssembler assembler() {
		return this.assembler;
	}

	Set<ConversationId> rooms() {
		return this.rooms;
	}

	/** The socket asked for the staff's inbox feed ({@code SUBSCRIBE_INBOX}). */
	void subscribeToInbox() {
		this.inboxSubscribed = true;
	}

	boolean isSubscribedToInbox() {
		return this.inboxSubscribed;
	}

	boolean isIn(ConversationId room) {
		return this.rooms.contains(room);
	}

	/**
	 * Closes the socket, off the caller's thread; the client may connect again and be
	 * authenticated anew.
	 */
	void close(CloseStatus status) {
		this.closed = true;
		this.outbox.close();
		this.outbox.closeSocket(() -> {
			try {
				this.session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Could not close socket {}: {}", id(), ex.getMessage());
			}
		});
	}

	/** The socket closed: nothing more is sent, and no room takes it in again. */
	void closed() {
		this.closed = true;
		this.outbox.close();
	}

	boolean isClosed() {
		return this.closed;
	}

	/** Queues a frame: never blocks, never throws. */
	void send(TextMessage frame) {
		this.outbox.offer(frame.getPayload());
	}

	/** Queues a frame a resuming client asked for (see {@link Outbox#offerCatchUp}). */
	void sendCatchUp(TextMessage frame) {
		this.outbox.offerCatchUp(frame.getPayload());
	}

}

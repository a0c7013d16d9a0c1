package io.parley.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.bucket4j.Bucket;
import io.parley.conversation.ConversationId;
import io.parley.conversation.MessageLog.Sender;
import io.parley.system.RateLimit;
import io.parley.system.RateLimiter;
import io.parley.workspace.Caller;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;

/**
 * One authenticated socket or event stream: who is behind it, which rooms it is in, and
 * its outbound frames. Sending only queues; closing happens on the closer's threads.
 */
final class Connection {

	static final CloseStatus FELL_BEHIND = CloseStatus.POLICY_VIOLATION
		.withReason("Too slow, resume from the last sequence");

	private final String id;

	private final SocketPrincipal principal;

	private final Set<ConversationId> rooms = ConcurrentHashMap.newKeySet();

	private final FrameAssembler assembler;

	private final Transport transport;

	/** Made at the first typing frame: most sockets never send one. */
	private volatile Bucket typingBudget;

	private volatile boolean inboxSubscribed;

	private volatile boolean inboxActivity;

	private volatile boolean notificationsSubscribed;

	private volatile boolean closed;

	/**
	 * @param id unique among this node's connections (a socket's session id)
	 * @param transports makes the connection's transport (see {@link Outboxes#open})
	 */
	Connection(String id, SocketPrincipal principal, int maxFrameSize, Function<Connection, Transport> transports) {
		this.id = id;
		this.principal = principal;
		this.assembler = new FrameAssembler(maxFrameSize);
		this.transport = transports.apply(this);
	}

	String id() {
		return this.id;
	}

	SocketPrincipal principal() {
		return this.principal;
	}

	/** Whether someone signed in is behind it, rather than a widget visitor. */
	boolean isSignedIn() {
		return this.principal instanceof SocketPrincipal.SignedIn;
	}

	/**
	 * The signed-in person behind it.
	 * @throws IllegalStateException for a widget visitor's connection
	 */
	Caller caller() {
		return sender().caller();
	}

	/**
	 * How the signed-in person behind it is shown on their messages.
	 * @throws IllegalStateException for a widget visitor's connection
	 */
	Sender sender() {
		if (this.principal instanceof SocketPrincipal.SignedIn signedIn) {
			return signedIn.sender();
		}
		throw new IllegalStateException("A visitor's connection has no sender");
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

	/**
	 * The socket also asked for the inbox's activity ({@code SUBSCRIBE_INBOX} with
	 * {@code activity: true}): new messages in the conversations it sees.
	 */
	void subscribeToInboxActivity() {
		this.inboxActivity = true;
	}

	boolean isSubscribedToInboxActivity() {
		return this.inboxSubscribed && this.inboxActivity;
	}

	void subscribeToNotifications() {
		this.notificationsSubscribed = true;
	}

	boolean isSubscribedToNotifications() {
		return this.notificationsSubscribed;
	}

	/** Takes a typing frame from the connection's own budget; false when over it. */
	boolean mayType(RateLimit limit) {
		Bucket budget = this.typingBudget;
		if (budget == null) {
			synchronized (this) {
				budget = this.typingBudget;
				if (budget == null) {
					budget = RateLimiter.bucket(limit);
					this.typingBudget = budget;
				}
			}
		}
		return budget.tryConsume(1);
	}

	boolean isIn(ConversationId room) {
		return this.rooms.contains(room);
	}

	/**
	 * Closes the connection, off the caller's thread; the client may connect again and be
	 * authenticated anew.
	 */
	void close(CloseStatus status) {
		this.closed = true;
		this.transport.close();
		this.transport.disconnect(status);
	}

	/** The client went away: nothing more is sent, and no room takes it in again. */
	void closed() {
		this.closed = true;
		this.transport.close();
	}

	boolean isClosed() {
		return this.closed;
	}

	/** Queues a frame: never blocks, never throws. */
	void send(TextMessage frame) {
		this.transport.offer(frame.getPayload());
	}

	/** Keeps an event stream open through proxies (see {@link EventStreams}). */
	void sendHeartbeat() {
		this.transport.offer(EventStream.HEARTBEAT);
	}

	/** Queues a frame a resuming client asked for (see {@link Outbox#offerCatchUp}). */
	void sendCatchUp(TextMessage frame) {
		this.transport.offerCatchUp(frame.getPayload());
	}

}

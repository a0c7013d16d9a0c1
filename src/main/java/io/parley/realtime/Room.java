package io.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Message;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.identity.UserId;

import org.springframework.web.socket.TextMessage;

/**
 * The sockets in one conversation. Only touched while holding its lock (see
 * {@link Rooms}), which is held for in-memory work only: sending merely queues. A socket
 * that joins to resume is caught up from the database while the messages committed
 * meanwhile wait here for it, so it gets every message once, in order.
 */
final class Room {

	private final ConversationId id;

	private final ReentrantLock lock = new ReentrantLock();

	private final Set<Connection> members = ConcurrentHashMap.newKeySet();

	/** Sockets being caught up, with the live messages that came meanwhile. */
	private final Map<Connection, List<Framed>> catchingUp = new ConcurrentHashMap<>();

	/**
	 * Caught-up sockets, with the last message they were sent: a message committed before
	 * it was read for them may still be announced after, and is not sent again.
	 */
	private final Map<Connection, Position> caughtUpTo = new ConcurrentHashMap<>();

	/** Staff sockets that asked for system messages when they joined (decision 44). */
	private final Set<Connection> takingSystemMessages = ConcurrentHashMap.newKeySet();

	private boolean retired;

	private volatile UserId customer;

	/** The agent the conversation is assigned to, as last known here, or {@code null}. */
	private volatile UserId agent;

	Room(ConversationId id) {
		this.id = id;
	}

	/**
	 * Adds a socket that has joined {@code conversation}.
	 * @param resuming whether it is caught up before it gets live messages
	 * @param systemMessages whether it asked for system messages, which seed 003's
	 * clients could not tell from people's
	 */
	void add(Connection connection, Conversation conversation, boolean resuming, boolean systemMessages) {
		if (connection.isClosed()) {
			// it closed while its join was in the database: leaving all rooms came first
			return;
		}
		this.customer = conversation.candidateId();
		if (this.members.isEmpty()) {
			this.agent = conversation.agentId();
		}
		this.members.add(connection);
		if (systemMessages) {
			this.takingSystemMessages.add(connection);
		}
		else {
			this.takingSystemMessages.remove(connection);
		}
		connection.rooms().add(this.id);
		if (resuming) {
			this.catchingUp.put(connection, new ArrayList<>());
		}
	}

	/**
	 * Sends what a resuming socket missed, then the live messages that came while it was
	 * read, without those it has already been sent, and from now on live ones. The frames
	 * were built before the lock was taken: under it they are only queued.
	 * @param from the position the socket resumed after
	 */
	void caughtUp(Connection connection, Position from, List<Framed> missed) {
		List<Framed> waiting = this.catchingUp.remove(connection);
		if (waiting == null || !this.members.contains(connection)) {
			return;
		}
		Position sent = from;
		for (Framed missedOne : missed) {
			if (takes(connection, missedOne.message())) {
				connection.sendCatchUp(missedOne.frame());
			}
			sent = Position.of(missedOne.message());
		}
		for (Framed live : waiting) {
			if (live.message() == null) {
				connection.sendCatchUp(live.frame());
			}
			else if (Position.of(live.message()).isAfter(sent)) {
				connection.sendCatchUp(live.frame());
				sent = Position.of(live.message());
			}
		}
		this.caughtUpTo.put(connection, sent);
	}

	void remove(Connection connection) {
		this.members.remove(connection);
		this.catchingUp.remove(connection);
		this.caughtUpTo.remove(connection);
		this.takingSystemMessages.remove(connection);
		connection.rooms().remove(this.id);
	}

	/** The conversation is assigned to {@code agent} now ({@code null}: to nobody). */
	void assignedTo(UserId newAgent) {
		this.agent = newAgent;
	}

	/** The assigned agent as last known here, or {@code null}. */
	UserId agent() {
		return this.agent;
	}

	/** Whether a widget visitor is in the room. */
	boolean hasVisitors() {
		for (Connection member : this.members) {
			if (!member.isSignedIn()) {
				return true;
			}
		}
		return false;
	}

	ConversationId id() {
		return this.id;
	}

	boolean has(Connection connection) {
		return this.members.contains(connection);
	}

	/**
	 * Removes every socket of a user, for example an agent the conversation was taken
	 * from.
	 */
	void removeUser(UserId user) {
		for (Connection member : this.members) {
			if (member.principal().is(user)) {
				remove(member);
			}
		}
	}

	/**
	 * Whether a member may see internal notes: the staff who write them, never the
	 * conversation's customer, even one who has since become staff, nor a widget visitor.
	 */
	boolean seesNotes(Connection member) {
		return member.principal().seesNotes(this.customer);
	}

	/**
	 * Whether a member gets the message: internal ones only the staff, system messages
	 * only those who asked for them.
	 */
	private boolean takes(Connection member, Message message) {
		if (message.isInternal() && !seesNotes(member)) {
			return false;
		}
		return message.type() != MessageType.SYSTEM || this.takingSystemMessages.contains(member);
	}

	/**
	 * Delivers a committed message to every member who may see it but the connection it
	 * came from; a member being caught up gets it once caught up.
	 */
	void deliver(Message message, String origin, TextMessage frame) {
		for (Connection member : this.members) {
			if (member.id().equals(origin) || !takes(member, message)) {
				continue;
			}
			List<Framed> waiting = this.catchingUp.get(member);
			if (waiting != null) {
				waiting.add(new Framed(message, frame));
			}
			else if (isNewTo(member, message)) {
				member.send(frame);
			}
		}
	}

	/**
	 * Whether a member has not been sent the message yet; the first message after what a
	 * caught-up member was sent ends the check, the writer announcing in order.
	 */
	private boolean isNewTo(Connection member, Message message) {
		Position sent = this.caughtUpTo.get(member);
		if (sent == null) {
			return true;
		}
		if (!Position.of(message).isAfter(sent)) {
			return false;
		}
		this.caughtUpTo.remove(member);
		return true;
	}

	/** Sends a frame to every member but the connection it came from. */
	void broadcast(TextMessage frame, String exceptConnectionId) {
		broadcast(frame, exceptConnectionId, (member) -> true);
	}

	/** Sends a frame to the members that pass {@code to}, but the one it came from. */
	void broadcast(TextMessage frame, String exceptConnectionId, Predicate<Connection> to) {
		for (Connection member : this.members) {
			if (!member.id().equals(exceptConnectionId) && to.test(member)) {
				List<Framed> waiting = this.catchingUp.get(member);
				if (waiting != null) {
					// after its JOINED and what it missed
					waiting.add(new Framed(null, frame));
				}
				else {
					member.send(frame);
				}
			}
		}
	}

	void dissolve() {
		for (Connection member : this.members) {
			member.rooms().remove(this.id);
		}
		this.members.clear();
		this.catchingUp.clear();
		this.caughtUpTo.clear();
		this.takingSystemMessages.clear();
	}

	boolean isEmpty() {
		return this.members.isEmpty();
	}

	void lock() {
		this.lock.lock();
	}

	void unlock() {
		this.lock.unlock();
	}

	/**
	 * Whether the current thread holds the lock and is not inside a nested hold of it.
	 */
	boolean isHeldByCurrentThreadOnce() {
		return this.lock.getHoldCount() == 1;
	}

	boolean isRetired() {
		return this.retired;
	}

	void retire() {
		this.retired = true;
	}

	/**
	 * A committed message with its frame, built before any room lock is taken; or,
	 * without a message, another frame for the room (an edit, a close).
	 */
	record Framed(Message message, TextMessage frame) {
	}

}

package io.parley.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.identity.UserId;

import org.springframework.web.socket.TextMessage;

/**
 * The sockets in one conversation. Only touched while holding its lock (see
 * {@link Rooms}), so joins, evictions and the fan-out of one message never interleave.
 */
final class Room {

	private final ConversationId id;

	private final ReentrantLock lock = new ReentrantLock();

	private final Set<Connection> members = ConcurrentHashMap.newKeySet();

	private boolean retired;

	private volatile UserId customer;

	Room(ConversationId id) {
		this.id = id;
	}

	/** Adds a socket that has joined {@code conversation}. */
	void add(Connection connection, Conversation conversation) {
		this.customer = conversation.candidateId();
		this.members.add(connection);
		connection.rooms().add(this.id);
	}

	void remove(Connection connection) {
		this.members.remove(connection);
		connection.rooms().remove(this.id);
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
			if (member.caller().is(user)) {
				remove(member);
			}
		}
	}

	/**
	 * Whether a member may see internal notes: the staff who write them, never the
	 * conversation's customer, even one who has since become staff.
	 */
	boolean seesNotes(Connection member) {
		return Conversation.showsNotes(member.caller(), this.customer);
	}

	/** Sends a frame to every member but the connection it came from. */
	void broadcast(TextMessage frame, String exceptConnectionId) {
		broadcast(frame, exceptConnectionId, (member) -> true);
	}

	/** Sends a frame to the members that pass {@code to}, but the one it came from. */
	void broadcast(TextMessage frame, String exceptConnectionId, Predicate<Connection> to) {
		for (Connection member : this.members) {
			if (!member.id().equals(exceptConnectionId) && to.test(member)) {
				member.send(frame);
			}
		}
	}

	void dissolve() {
		for (Connection member : this.members) {
			member.rooms().remove(this.id);
		}
		this.members.clear();
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

}

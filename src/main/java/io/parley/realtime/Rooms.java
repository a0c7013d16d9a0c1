package io.parley.realtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import io.parley.conversation.ConversationId;

import org.springframework.stereotype.Component;

/**
 * The rooms of this node, one per conversation with sockets in it. A room exists while it
 * has members.
 */
@Component
class Rooms {

	private final ConcurrentHashMap<ConversationId, Room> rooms = new ConcurrentHashMap<>();

	private final AtomicLong accessChanges = new AtomicLong();

	/**
	 * Counts a committed change of who may be in a room (an assignment, a close), before
	 * the rooms are told: a socket that was being added meanwhile sees the count move and
	 * checks its access again.
	 */
	void accessChanged() {
		this.accessChanges.incrementAndGet();
	}

	long accessChanges() {
		return this.accessChanges.get();
	}

	/** Runs {@code action} holding the room's lock, creating the room if needed. */
	<T> T withRoom(ConversationId id, Function<Room, T> action) {
		while (true) {
			Room room = this.rooms.computeIfAbsent(id, Room::new);
			room.lock();
			try {
				if (!room.isRetired()) {
					return action.apply(room);
				}
			}
			finally {
				release(id, room);
			}
		}
	}

	/** Runs {@code action} holding the room's lock if the room exists. */
	void ifPresent(ConversationId id, Consumer<Room> action) {
		Room room = this.rooms.get(id);
		if (room == null) {
			return;
		}
		room.lock();
		try {
			if (!room.isRetired()) {
				action.accept(room);
			}
		}
		finally {
			release(id, room);
		}
	}

	void leaveAll(Connection connection) {
		for (ConversationId id : connection.rooms()) {
			ifPresent(id, (room) -> room.remove(connection));
		}
	}

	private void release(ConversationId id, Room room) {
		if (!room.isRetired() && room.isEmpty() && room.isHeldByCurrentThreadOnce()) {
			room.retire();
			this.rooms.remove(id, room);
		}
		room.unlock();
	}

}

package io.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Message;
import io.parley.conversation.Position;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Lets a connection into a conversation's room, the staff's and the visitors' alike: with
 * a resume position, the connection first gets every message after it that it may see,
 * then the live ones, none missing and none twice (decisions 31 and 56). No room lock is
 * held while the database works.
 */
@Component
class RoomEntrance {

	/** How many missed messages a resuming join reads from the database at a time. */
	private static final int RESUME_PAGE = 500;

	private final Frames frames;

	private final Rooms rooms;

	private final int resumeLimit;

	RoomEntrance(Frames frames, Rooms rooms, @Value("${parley.ws.resume-limit}") int resumeLimit) {
		this.frames = frames;
		this.rooms = rooms;
		this.resumeLimit = resumeLimit;
	}

	/**
	 * Joins the room. More than {@code parley.ws.resume-limit} missed messages are
	 * refused before anything is sent: the client reads them over REST and joins again
	 * from there.
	 * @param resumeAfter the position to resume after, or {@code null} for a join without
	 * resume
	 * @param admit checks the connection's access and answers the conversation as it is
	 * now; asked again when an assignment or a close was committed meanwhile
	 * @param reader reads what the connection may see after a position
	 * @param joined the {@code JOINED_CONVERSATION} frame for the conversation
	 */
	void enter(Connection connection, ConversationId id, Position resumeAfter, boolean systemMessages,
			Supplier<Conversation> admit, MissedReader reader, Function<Conversation, TextMessage> joined) {
		long accessChanges = this.rooms.accessChanges();
		Conversation conversation = admit.get();
		boolean resuming = resumeAfter != null;
		// built before the room's lock is taken: a visitor's names their agent
		TextMessage joinedFrame = joined.apply(conversation);
		this.rooms.withRoom(id, (room) -> {
			if (!resuming) {
				connection.send(joinedFrame);
			}
			room.add(connection, conversation, resuming, systemMessages);
			return room;
		});
		if (this.rooms.accessChanges() != accessChanges) {
			// an assignment or a close committed meanwhile may have been missed by the
			// room
			try {
				admit.get();
			}
			catch (ParleyException ex) {
				this.rooms.ifPresent(id, (room) -> room.remove(connection));
				if (ex.code() == ErrorCode.CONVERSATION_ALREADY_CLOSED) {
					// closed while it joined: told as the room is told, whether or not
					// the room's own notice reached it
					connection.send(this.frames.closed(id));
					return;
				}
				throw ex;
			}
		}
		if (resuming) {
			Position from = resumeAfter.within(conversation);
			List<Room.Framed> missed;
			try {
				missed = missed(connection, reader, conversation, from);
			}
			catch (RuntimeException ex) {
				this.rooms.ifPresent(id, (room) -> room.remove(connection));
				throw ex;
			}
			AtomicBoolean entered = new AtomicBoolean();
			this.rooms.ifPresent(id, (room) -> {
				if (room.has(connection)) {
					connection.send(joinedFrame);
					room.caughtUp(connection, from, missed);
					entered.set(true);
				}
			});
			if (!entered.get()) {
				// its access changed while the missed messages were read
				throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
			}
		}
	}

	/**
	 * What the reader missed after {@code after}, with its frames, built here rather than
	 * under the room's lock.
	 * @throws ParleyException {@link ErrorCode#RESUME_TOO_FAR} for more than the limit
	 */
	private List<Room.Framed> missed(Connection connection, MissedReader reader, Conversation conversation,
			Position after) {
		List<Room.Framed> missed = new ArrayList<>();
		Position from = after;
		while (missed.size() <= this.resumeLimit) {
			int wanted = Math.min(RESUME_PAGE, this.resumeLimit + 1 - missed.size());
			List<Message> page = reader.missed(conversation, from, wanted);
			for (Message message : page) {
				TextMessage frame = this.frames.newMessage(message);
				missed.add(new Room.Framed(message,
						connection.isSignedIn() ? frame : this.frames.newMessageForVisitors(message, frame)));
			}
			if (page.size() < wanted) {
				return missed;
			}
			from = Position.of(page.get(page.size() - 1));
		}
		throw ErrorCode.RESUME_TOO_FAR.exception();
	}

	/** Reads the messages a connection may see after a position, in order. */
	@FunctionalInterface
	interface MissedReader {

		List<Message> missed(Conversation conversation, Position after, int limit);

	}

}

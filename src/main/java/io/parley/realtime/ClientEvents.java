package io.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Handles the client events of seed 003. A bad frame is answered with an {@code ERROR}
 * frame and changes nothing; the socket stays open. No room lock is held while the
 * database works.
 */
@Component
class ClientEvents {

	private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

	/** How many missed messages a resuming join reads from the database at a time. */
	private static final int RESUME_PAGE = 500;

	private final Frames frames;

	private final Rooms rooms;

	private final ConversationLifecycle lifecycle;

	private final MessageLog messages;

	private final int resumeLimit;

	ClientEvents(Frames frames, Rooms rooms, ConversationLifecycle lifecycle, MessageLog messages,
			@Value("${parley.ws.resume-limit}") int resumeLimit) {
		this.frames = frames;
		this.rooms = rooms;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.resumeLimit = resumeLimit;
	}

	void handle(Connection connection, String text) {
		try {
			Frames.Inbound frame = this.frames.parse(text);
			switch (frame.event()) {
				// seed 001 names the same events chat:join, chat:message and chat:leave
				case "JOIN_CONVERSATION", "chat:join" -> join(connection, frame);
				case "SEND_MESSAGE", "chat:message" -> send(connection, frame);
				case "LEAVE_CONVERSATION", "chat:leave" -> leave(connection, frame);
				case "CLOSE_CONVERSATION" -> close(connection, frame);
				case "SUBSCRIBE_INBOX" -> subscribe(connection);
				default -> throw ErrorCode.UNKNOWN_EVENT.exception();
			}
		}
		catch (ParleyException ex) {
			connection.send(this.frames.error(ex.code()));
		}
		catch (RuntimeException ex) {
			log.error("Unexpected failure handling a frame on socket {}", connection.id(), ex);
			connection.send(this.frames.error(ErrorCode.INTERNAL_ERROR));
		}
	}

	/**
	 * Joins the room; with {@code afterSequence} (and, for the staff, {@code afterNote})
	 * the socket first gets every message after that position it may see, then the live
	 * ones, none missing and none twice. More than {@code parley.ws.resume-limit} missed
	 * messages are refused before anything is sent: the client reads them over REST and
	 * joins again from there. Staff sockets get system messages only with
	 * {@code systemMessages: true}.
	 */
	private void join(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Position resumeAfter = frame.resumePosition();
		boolean systemMessages = frame.optionalFlag("systemMessages");
		long accessChanges = this.rooms.accessChanges();
		Conversation conversation = this.lifecycle.join(caller, id);
		boolean resuming = resumeAfter != null;
		this.rooms.withRoom(id, (room) -> {
			if (!resuming) {
				connection.send(this.frames.joined(conversationId, conversation.status()));
			}
			room.add(connection, conversation, resuming, systemMessages);
			return room;
		});
		if (this.rooms.accessChanges() != accessChanges) {
			// an assignment or a close committed meanwhile may have been missed by the
			// room
			try {
				this.lifecycle.join(caller, id);
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
				missed = missed(caller, conversation, from);
			}
			catch (RuntimeException ex) {
				this.rooms.ifPresent(id, (room) -> room.remove(connection));
				throw ex;
			}
			AtomicBoolean joined = new AtomicBoolean();
			this.rooms.ifPresent(id, (room) -> {
				if (room.has(connection)) {
					connection.send(this.frames.joined(conversationId, conversation.status()));
					room.caughtUp(connection, from, missed);
					joined.set(true);
				}
			});
			if (!joined.get()) {
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
	private List<Room.Framed> missed(Caller caller, Conversation conversation, Position after) {
		List<Room.Framed> missed = new ArrayList<>();
		Position from = after;
		while (missed.size() <= this.resumeLimit) {
			int wanted = Math.min(RESUME_PAGE, this.resumeLimit + 1 - missed.size());
			List<Message> page = this.messages.missed(caller, conversation, from, wanted);
			for (Message message : page) {
				missed.add(new Room.Framed(message, this.frames.newMessage(message)));
			}
			if (page.size() < wanted) {
				return missed;
			}
			from = Position.of(page.get(page.size() - 1));
		}
		throw ErrorCode.RESUME_TOO_FAR.exception();
	}

	/**
	 * Writes a message; with {@code clientMessageId} the sender is answered
	 * {@code MESSAGE_SENT}, also for a repeat, which is stored and delivered only once.
	 */
	private void send(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		String content = frame.text("content", Message.MAX_LENGTH);
		String clientMessageId = frame.optionalText("clientMessageId", Message.MAX_CLIENT_ID_LENGTH);
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		Posted posted = this.messages.post(connection.sender(), id, MessageType.TEXT, content, clientMessageId,
				connection.id());
		if (clientMessageId != null) {
			connection.send(this.frames.messageSent(posted.message()));
		}
	}

	private void leave(Connection connection, Frames.Inbound frame) {
		connection.caller().require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		ConversationId.parse(conversationId)
			.ifPresent((id) -> this.rooms.ifPresent(id, (room) -> room.remove(connection)));
		connection.send(this.frames.left(conversationId));
	}

	/**
	 * The staff's inbox feed: from now on, new and changed conversations the member may
	 * see come to this socket.
	 */
	private void subscribe(Connection connection) {
		connection.caller().require(Permission.VIEW_WORKSPACE);
		connection.subscribeToInbox();
		connection.send(this.frames.inboxSubscribed(connection.caller().workspaceId()));
	}

	private void close(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.CLOSE_ASSIGNED_CONVERSATION);
		ConversationId id = ConversationId.parse(frame.conversationId())
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		this.lifecycle.closeAsAgent(caller, id, connection.id());
	}

}

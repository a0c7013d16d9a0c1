package io.parley.realtime;

import java.util.List;

import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.RateLimit;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Handles the client events of seed 003, and hands a widget visitor's to
 * {@link VisitorEvents}. A bad frame is answered with an {@code ERROR} frame and changes
 * nothing; the socket stays open. No room lock is held while the database works.
 */
@Component
class ClientEvents {

	private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

	private final Frames frames;

	private final Rooms rooms;

	private final RoomEntrance entrance;

	private final ConversationLifecycle lifecycle;

	private final MessageLog messages;

	private final Fanout fanout;

	private final VisitorEvents visitors;

	private final RateLimit typingLimit;

	ClientEvents(Frames frames, Rooms rooms, RoomEntrance entrance, ConversationLifecycle lifecycle,
			MessageLog messages, Fanout fanout, VisitorEvents visitors,
			@Value("${parley.rate-limit.socket-typing}") String typingLimit) {
		this.frames = frames;
		this.rooms = rooms;
		this.entrance = entrance;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.fanout = fanout;
		this.visitors = visitors;
		this.typingLimit = RateLimit.parse("socket-typing", typingLimit);
	}

	void handle(Connection connection, String text) {
		try {
			Frames.Inbound frame = this.frames.parse(text);
			if (connection.principal() instanceof SocketPrincipal.WidgetVisitor visitor) {
				this.visitors.handle(connection, visitor, frame);
				return;
			}
			switch (frame.event()) {
				// seed 001 names the same events chat:join, chat:message, chat:leave,
				// chat:typing and chat:read
				case "JOIN_CONVERSATION", "chat:join" -> join(connection, frame);
				case "SEND_MESSAGE", "chat:message" -> send(connection, frame);
				case "LEAVE_CONVERSATION", "chat:leave" -> leave(connection, frame);
				case "TYPING", "chat:typing" -> typing(connection, frame);
				case "READ", "chat:read" -> read(connection, frame);
				case "CLOSE_CONVERSATION" -> close(connection, frame);
				case "SUBSCRIBE_INBOX" -> subscribe(connection, frame);
				case "SUBSCRIBE_NOTIFICATIONS" -> subscribeToNotifications(connection);
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
	 * ones (see {@link RoomEntrance}). Staff sockets get system messages only with
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
		this.entrance.enter(connection, id, resumeAfter, systemMessages, () -> this.lifecycle.join(caller, id),
				(conversation, after, limit) -> this.messages.missed(caller, conversation, after, limit),
				(conversation) -> this.frames.joined(conversationId, conversation.status()));
	}

	/**
	 * Writes a message, {@code type} {@code text} (the default) or {@code note}, which
	 * may carry {@code mentions}; with {@code clientMessageId} the sender is answered
	 * {@code MESSAGE_SENT}, also for a repeat, which is stored and delivered only once.
	 */
	private void send(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		String content = frame.text("content", Message.MAX_LENGTH);
		String clientMessageId = frame.optionalText("clientMessageId", Message.MAX_CLIENT_ID_LENGTH);
		MessageType type = messageType(frame.optionalText("type", 20));
		List<String> mentions = frame.optionalTexts("mentions", Message.MAX_MENTIONS, 100);
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		Posted posted = this.messages.post(connection.sender(), id, type, content, clientMessageId, connection.id(),
				mentions);
		if (clientMessageId != null) {
			connection.send(this.frames.messageSent(posted.message()));
		}
	}

	/** What a socket sends: text, unless it says {@code note}. */
	private static MessageType messageType(String type) {
		if (type == null) {
			return MessageType.TEXT;
		}
		return MessageType.parse(type)
			.filter((parsed) -> parsed == MessageType.TEXT || parsed == MessageType.NOTE)
			.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
	}

	private void leave(Connection connection, Frames.Inbound frame) {
		connection.caller().require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		ConversationId.parse(conversationId)
			.ifPresent((id) -> this.rooms.ifPresent(id, (room) -> room.remove(connection)));
		connection.send(this.frames.left(conversationId));
	}

	/**
	 * Tells the others in the room that the sender is typing, or stopped; in memory only,
	 * within the socket's typing budget.
	 */
	private void typing(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		String conversationId = frame.conversationId();
		boolean typing = frame.flag("typing");
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		if (!connection.mayType(this.typingLimit)) {
			throw ErrorCode.TOO_MANY_REQUESTS.exception();
		}
		// the staff write notes; a seed-003 candidate in the room is the customer
		Author.Type author = caller.can(Permission.WRITE_NOTES) ? Author.Type.MEMBER : Author.Type.CONTACT;
		this.fanout.typing(id, connection.id(), author, connection.sender().name(), typing);
	}

	/**
	 * The member has read the conversation up to {@code sequence}, as
	 * {@code PUT .../read} does; a widget visitor in the room is shown it.
	 */
	private void read(Connection connection, Frames.Inbound frame) {
		String conversationId = frame.conversationId();
		long sequence = frame.count("sequence");
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		this.messages.markRead(connection.caller(), id, sequence);
	}

	/**
	 * The staff's inbox feed: from now on, new and changed conversations the member may
	 * see come to this socket; with {@code activity: true} also their new messages,
	 * coalesced ({@code CONVERSATION_ACTIVITY}, see {@link InboxActivity}).
	 */
	private void subscribe(Connection connection, Frames.Inbound frame) {
		connection.caller().require(Permission.VIEW_WORKSPACE);
		boolean activity = frame.optionalFlag("activity");
		if (activity) {
			connection.subscribeToInboxActivity();
		}
		connection.subscribeToInbox();
		connection.send(this.frames.inboxSubscribed(connection.caller().workspaceId()));
	}

	/**
	 * From now on, the member's own notifications come to this socket as they are created
	 * ({@code NOTIFICATION}); any signed-in member may, as they are their own.
	 */
	private void subscribeToNotifications(Connection connection) {
		connection.subscribeToNotifications();
		connection.send(this.frames.notificationsSubscribed(connection.caller().workspaceId()));
	}

	private void close(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.CLOSE_ASSIGNED_CONVERSATION);
		ConversationId id = ConversationId.parse(frame.conversationId())
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		this.lifecycle.closeAsAgent(caller, id, connection.id());
	}

}

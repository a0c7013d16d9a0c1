package io.parley.realtime;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Handles the client events of seed 003. A bad frame is answered with an {@code ERROR}
 * frame and changes nothing; the socket stays open.
 */
@Component
class ClientEvents {

	private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

	private final Frames frames;

	private final Rooms rooms;

	private final ConversationLifecycle lifecycle;

	private final MessageLog messages;

	ClientEvents(Frames frames, Rooms rooms, ConversationLifecycle lifecycle, MessageLog messages) {
		this.frames = frames;
		this.rooms = rooms;
		this.lifecycle = lifecycle;
		this.messages = messages;
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

	private void join(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		ConversationId id = ConversationId.parse(conversationId)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		Conversation conversation = this.rooms.withRoom(id, (room) -> {
			Conversation joined = this.lifecycle.join(caller, id);
			room.add(connection, joined);
			return joined;
		});
		connection.send(this.frames.joined(conversationId, conversation.status()));
	}

	private void send(Connection connection, Frames.Inbound frame) {
		Caller caller = connection.caller();
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		String conversationId = frame.conversationId();
		String content = frame.text("content", Message.MAX_LENGTH);
		ConversationId id = ConversationId.parse(conversationId)
			.filter(connection::isIn)
			.orElseThrow(ErrorCode.NOT_JOINED::exception);
		// The fan-out runs on commit, inside this lock: the room sees messages in
		// sequence order.
		this.rooms.withRoom(id, (room) -> {
			if (!room.has(connection)) {
				throw ErrorCode.NOT_JOINED.exception();
			}
			return this.messages.post(caller, id, content, connection.id());
		});
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

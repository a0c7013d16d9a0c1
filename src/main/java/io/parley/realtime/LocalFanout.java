package io.parley.realtime;

import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.Message;
import io.parley.identity.UserId;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/** The fan-out to this node's sockets. */
@Component
class LocalFanout implements Fanout {

	private final Rooms rooms;

	private final ConnectionRegistry connections;

	private final Frames frames;

	LocalFanout(Rooms rooms, ConnectionRegistry connections, Frames frames) {
		this.rooms = rooms;
		this.connections = connections;
		this.frames = frames;
	}

	@Override
	public void posted(Message message, String origin) {
		this.rooms.ifPresent(message.conversationId(),
				(room) -> room.deliver(message, origin, this.frames.newMessage(message)));
	}

	@Override
	public void edited(Message message) {
		TextMessage frame = this.frames.messageEdited(message);
		this.rooms.ifPresent(message.conversationId(),
				(room) -> room.broadcast(frame, null, (member) -> !message.isInternal() || room.seesNotes(member)));
	}

	@Override
	public void closed(ConversationId conversation, String origin) {
		this.rooms.ifPresent(conversation, (room) -> {
			room.broadcast(this.frames.closed(conversation), origin);
			room.dissolve();
		});
	}

	@Override
	public void revoked(ConversationId conversation, UserId user) {
		this.rooms.ifPresent(conversation, (room) -> room.removeUser(user));
	}

	@Override
	public void inbox(String event, ConversationSnapshot conversation) {
		TextMessage frame = null;
		for (Connection connection : this.connections.inWorkspace(conversation.workspaceId())) {
			if (connection.isSubscribedToInbox() && !connection.caller().is(conversation.candidateId())
					&& conversation.isVisibleTo(connection.caller())) {
				frame = (frame != null) ? frame : this.frames.conversation(event, conversation);
				connection.send(frame);
			}
		}
	}

}

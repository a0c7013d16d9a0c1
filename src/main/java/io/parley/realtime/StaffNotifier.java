package io.parley.realtime;

import io.parley.conversation.ConversationChanged;
import io.parley.conversation.ConversationOpened;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.MessageEdited;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Keeps the staff's inboxes live: a new or changed conversation goes to every socket of
 * the workspace subscribed to the inbox whose member may see it, except the customer's
 * own; an edited message goes to its room.
 */
@Component
class StaffNotifier {

	private final ConnectionRegistry connections;

	private final Rooms rooms;

	private final Frames frames;

	StaffNotifier(ConnectionRegistry connections, Rooms rooms, Frames frames) {
		this.connections = connections;
		this.rooms = rooms;
		this.frames = frames;
	}

	@EventListener
	void on(ConversationOpened event) {
		AfterCommit.run(() -> toStaff(event.conversation(),
				this.frames.conversation("CONVERSATION_CREATED", event.conversation())));
	}

	@EventListener
	void on(ConversationChanged event) {
		AfterCommit.run(() -> toStaff(event.conversation(),
				this.frames.conversation("CONVERSATION_UPDATED", event.conversation())));
	}

	@EventListener
	void on(MessageEdited event) {
		AfterCommit.run(() -> {
			TextMessage frame = this.frames.messageEdited(event.message());
			boolean note = event.message().isNote();
			this.rooms.ifPresent(event.message().conversationId(),
					(room) -> room.broadcast(frame, null, (member) -> !note || room.seesNotes(member)));
		});
	}

	private void toStaff(ConversationSnapshot conversation, TextMessage frame) {
		for (Connection connection : this.connections.inWorkspace(conversation.workspaceId())) {
			if (connection.isSubscribedToInbox() && !connection.caller().is(conversation.candidateId())
					&& conversation.isVisibleTo(connection.caller())) {
				connection.send(frame);
			}
		}
	}

}

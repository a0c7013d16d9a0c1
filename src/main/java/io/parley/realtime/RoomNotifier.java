package io.parley.realtime;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationClosed;
import io.parley.conversation.Message;
import io.parley.conversation.MessagePosted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the rooms what happened to their conversations, once it is committed. Runs on the
 * committing thread, so the sender's room lock orders the fan-out; the stored message,
 * not this notification, is what makes a message durable.
 */
@Component
class RoomNotifier {

	private final Rooms rooms;

	private final Frames frames;

	RoomNotifier(Rooms rooms, Frames frames) {
		this.rooms = rooms;
		this.frames = frames;
	}

	@EventListener
	void on(MessagePosted event) {
		Message message = event.message();
		// internal notes reach only the staff in the room, never the customer
		AfterCommit.runOrNow(() -> this.rooms.ifPresent(message.conversationId(),
				(room) -> room.broadcast(this.frames.newMessage(message), event.origin(),
						(member) -> !message.isNote() || room.seesNotes(member))));
	}

	@EventListener
	void on(ConversationAssigned event) {
		if (event.previousAgentId() != null) {
			AfterCommit.run(() -> this.rooms.ifPresent(event.conversationId(),
					(room) -> room.removeUser(event.previousAgentId())));
		}
	}

	@EventListener
	void on(ConversationClosed event) {
		AfterCommit.run(() -> this.rooms.ifPresent(event.conversationId(), (room) -> {
			room.broadcast(this.frames.closed(event.conversationId()), event.origin());
			room.dissolve();
		}));
	}

}

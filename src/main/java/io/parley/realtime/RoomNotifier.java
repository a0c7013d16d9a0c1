package io.parley.realtime;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationClosed;
import io.parley.conversation.ConversationDeleted;
import io.parley.conversation.ConversationMerged;
import io.parley.conversation.ConversationRead;
import io.parley.conversation.ConversationStatusChanged;
import io.parley.conversation.MessagePosted;
import io.parley.workspace.AvailabilityChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the rooms what happened to their conversations, once it is committed. A message
 * is announced by its writer after the commit, in commit order, so the room gets a
 * conversation's messages in sequence order; the stored message, not this notification,
 * is what makes it durable.
 */
@Component
class RoomNotifier {

	private final Fanout fanout;

	private final Rooms rooms;

	RoomNotifier(Fanout fanout, Rooms rooms) {
		this.fanout = fanout;
		this.rooms = rooms;
	}

	/** Published once committed, never inside the transaction: handed on at once. */
	@EventListener
	void on(MessagePosted event) {
		this.fanout.posted(event.message(), event.origin());
	}

	@EventListener
	void on(ConversationAssigned event) {
		AfterCommit.run(() -> {
			this.rooms.accessChanged();
			if (event.previousAgentId() != null) {
				this.fanout.revoked(event.conversationId(), event.previousAgentId());
				this.fanout.unassigned(event.workspaceId(), event.conversationId(), event.previousAgentId());
			}
			if (!event.again()) {
				this.fanout.agentChanged(event.workspaceId(), event.conversationId(), event.agentId());
			}
		});
	}

	@EventListener
	void on(ConversationRead event) {
		AfterCommit.run(() -> this.fanout.read(event));
	}

	/** The availability of the agent of a visitor's conversation is shown to them. */
	@EventListener
	void on(AvailabilityChanged event) {
		AfterCommit.run(() -> this.fanout.presence(event.workspaceId(), event.userId(), event.availability()));
	}

	/** Shown to the visitors in the room: the widget offers the rating once resolved. */
	@EventListener
	void on(ConversationStatusChanged event) {
		if (event.from() != event.to()) {
			AfterCommit.run(() -> this.fanout.statusChanged(event.conversationId(), event.to()));
		}
	}

	/**
	 * Told before the closing that follows it in the same commit dissolves the room: the
	 * sockets in it learn where the conversation went on.
	 */
	@EventListener
	void on(ConversationMerged event) {
		AfterCommit.run(() -> this.fanout.merged(event));
	}

	@EventListener
	void on(ConversationClosed event) {
		AfterCommit.run(() -> {
			this.rooms.accessChanged();
			this.fanout.closed(event.conversationId(), event.origin());
		});
	}

	@EventListener
	void on(ConversationDeleted event) {
		AfterCommit.run(() -> {
			this.rooms.accessChanged();
			this.fanout.deleted(event.workspaceId(), event.conversationId());
		});
	}

}

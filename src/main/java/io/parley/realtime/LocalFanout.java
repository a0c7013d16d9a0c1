package io.parley.realtime;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.parley.conversation.Author;
import io.parley.conversation.ConversationAccess;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationMerged;
import io.parley.conversation.ConversationRead;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.identity.UserId;
import io.parley.widget.AgentCards;
import io.parley.workspace.Availability;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/** The fan-out to this node's sockets. */
@Component
class LocalFanout implements Fanout {

	private final Rooms rooms;

	private final ConnectionRegistry connections;

	private final Frames frames;

	private final AgentCards agents;

	LocalFanout(Rooms rooms, ConnectionRegistry connections, Frames frames, AgentCards agents) {
		this.rooms = rooms;
		this.connections = connections;
		this.frames = frames;
		this.agents = agents;
	}

	@Override
	public void posted(Message message, String origin) {
		TextMessage frame = this.frames.newMessage(message);
		this.rooms.ifPresent(message.conversationId(),
				(room) -> room.deliver(message, origin, frame, this.frames.newMessageForVisitors(message, frame)));
	}

	@Override
	public void edited(Message message) {
		TextMessage frame = this.frames.messageEdited(message);
		this.rooms.ifPresent(message.conversationId(),
				(room) -> room.broadcast(frame, null, (member) -> !message.isInternal() || room.seesNotes(member)));
	}

	@Override
	public void statusChanged(ConversationId conversation, ConversationStatus status) {
		TextMessage frame = this.frames.status(conversation, status);
		this.rooms.ifPresent(conversation, (room) -> room.broadcast(frame, null, (member) -> !member.isSignedIn()));
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
	public void typing(ConversationId conversation, String origin, Author.Type author, String name, boolean typing) {
		TextMessage frame = this.frames.typing(conversation, author, name, typing);
		boolean fromCustomer = author == Author.Type.CONTACT;
		this.rooms.ifPresent(conversation,
				(room) -> room.broadcast(frame, origin, (member) -> !fromCustomer || member.isSignedIn()));
	}

	@Override
	public void read(ConversationRead read) {
		TextMessage frame = this.frames.read(read.conversationId(), read.reader(), read.lastReadSequence());
		boolean byContact = read.reader() == Author.Type.CONTACT;
		// seed 003's clients get no read receipts: the staff learn of a visitor's, and a
		// visitor of the staff's
		this.rooms.ifPresent(read.conversationId(),
				(room) -> room.broadcast(frame, null, (member) -> member.isSignedIn() == byContact));
	}

	@Override
	public void unassigned(WorkspaceId workspace, ConversationId conversation, UserId previousAgent) {
		TextMessage frame = null;
		for (Connection connection : this.connections.ofMember(workspace, previousAgent)) {
			if (connection.isSubscribedToInbox()) {
				frame = (frame != null) ? frame : this.frames.removed(conversation);
				connection.send(frame);
			}
		}
	}

	@Override
	public void deleted(WorkspaceId workspace, ConversationId conversation) {
		this.rooms.ifPresent(conversation, (room) -> {
			room.broadcast(this.frames.closed(conversation), null);
			room.dissolve();
		});
		TextMessage frame = null;
		for (Connection connection : this.connections.inWorkspace(workspace)) {
			if (connection.isSubscribedToInbox()) {
				frame = (frame != null) ? frame : this.frames.removed(conversation);
				connection.send(frame);
			}
		}
	}

	@Override
	public void merged(ConversationMerged merged) {
		ConversationId conversation = merged.conversationId();
		TextMessage frame = this.frames.merged(conversation, merged.intoId());
		this.rooms.ifPresent(conversation, (room) -> room.broadcast(frame, null));
		for (Connection connection : this.connections.inWorkspace(merged.workspaceId())) {
			if (connection.isSubscribedToInbox() && !connection.rooms().contains(conversation)
					&& !connection.caller().is(merged.conversation().candidateId())
					&& merged.conversation().isVisibleTo(connection.caller())) {
				connection.send(frame);
			}
		}
	}

	@Override
	public void delivery(ConversationSnapshot conversation, long sequence, DeliveryState delivery) {
		ConversationId id = conversation.id();
		TextMessage frame = this.frames.delivery(id, sequence, delivery);
		this.rooms.ifPresent(id, (room) -> room.broadcast(frame, null, room::seesNotes));
		for (Connection connection : this.connections.inWorkspace(conversation.workspaceId())) {
			if (connection.isSubscribedToInbox() && !connection.rooms().contains(id)
					&& !connection.caller().is(conversation.candidateId())
					&& conversation.isVisibleTo(connection.caller())) {
				connection.send(frame);
			}
		}
	}

	@Override
	public void agentChanged(WorkspaceId workspace, ConversationId conversation, UserId agent) {
		AtomicBoolean visitors = new AtomicBoolean();
		this.rooms.ifPresent(conversation, (room) -> {
			room.assignedTo(agent);
			visitors.set(room.hasVisitors());
		});
		if (!visitors.get()) {
			return;
		}
		// looked up outside the room's lock, and only for a room a visitor is in
		TextMessage frame = this.frames.agentChanged(conversation, this.agents.of(workspace, agent));
		this.rooms.ifPresent(conversation, (room) -> room.broadcast(frame, null, (member) -> !member.isSignedIn()));
	}

	@Override
	public void presence(WorkspaceId workspace, UserId member, Availability availability) {
		for (Connection connection : this.connections.inWorkspace(workspace)) {
			if (connection.isSignedIn()) {
				continue;
			}
			for (ConversationId conversation : connection.rooms()) {
				this.rooms.ifPresent(conversation, (room) -> {
					if (member.equals(room.agent())) {
						room.broadcast(this.frames.presence(conversation, availability), null,
								(inRoom) -> inRoom == connection);
					}
				});
			}
		}
	}

	/**
	 * New messages in the conversation, to this node's sockets that asked for the inbox's
	 * activity and may see it; notes alone only to those who read notes. Not part of
	 * {@link Fanout}: every node reads the log for its own sockets
	 * ({@link InboxActivity}), so a fan-out across nodes must not carry it again.
	 */
	void activity(ConversationSnapshot conversation, long lastSequence, Instant lastMessageAt, boolean notesOnly) {
		TextMessage frame = null;
		for (Connection connection : this.connections.inWorkspace(conversation.workspaceId())) {
			if (!connection.isSubscribedToInboxActivity()) {
				continue;
			}
			Caller caller = connection.caller();
			if (!caller.is(conversation.candidateId()) && conversation.isVisibleTo(caller)
					&& (!notesOnly || ConversationAccess.showsNotes(caller, conversation.candidateId()))) {
				frame = (frame != null) ? frame : this.frames.activity(conversation, lastSequence, lastMessageAt);
				connection.send(frame);
			}
		}
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

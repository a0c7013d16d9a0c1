package io.parley.realtime;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.conversation.ConversationId;
import io.parley.identity.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One authenticated socket: who is behind it and which rooms it is in.
 */
final class Connection {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	private final WebSocketSession session;

	private final Caller caller;

	private final Set<ConversationId> rooms = ConcurrentHashMap.newKeySet();

	private final FrameAssembler assembler;

	private volatile boolean inboxSubscribed;

	Connection(WebSocketSession session, Caller caller, int maxFrameSize) {
		this.session = session;
		this.caller = caller;
		this.assembler = new FrameAssembler(maxFrameSize);
	}

	String id() {
		return this.session.getId();
	}

	Caller caller() {
		return this.caller;
	}

	FrameAssembler assembler() {
		return this.assembler;
	}

	Set<ConversationId> rooms() {
		return this.rooms;
	}

	/** The socket asked for the staff's inbox feed ({@code SUBSCRIBE_INBOX}). */
	void subscribeToInbox() {
		this.inboxSubscribed = true;
	}

	boolean isSubscribedToInbox() {
		return this.inboxSubscribed;
	}

	boolean isIn(ConversationId room) {
		return this.rooms.contains(room);
	}

	/** Closes the socket; the client may connect again and be authenticated anew. */
	void close(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not close socket {}: {}", id(), ex.getMessage());
		}
	}

	/**
	 * Sends a frame; a socket that is gone or too slow is dropped without disturbing the
	 * sender.
	 */
	void send(TextMessage frame) {
		try {
			this.session.sendMessage(frame);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not send to socket {}: {}", id(), ex.getMessage());
		}
	}

}

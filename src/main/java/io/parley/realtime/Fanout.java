package io.parley.realtime;

import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.Message;
import io.parley.identity.UserId;

/**
 * Where what happened goes to the sockets: the rooms of conversations and the staff's
 * inboxes. In-process today ({@link LocalFanout}); a fan-out across nodes (Redis) takes
 * its place and calls each node's local one. Every call only queues frames: it never
 * blocks and never throws.
 */
interface Fanout {

	/** A committed message, to its room, not back to the connection it came from. */
	void posted(Message message, String origin);

	void edited(Message message);

	/** The conversation closed: its room is told and dissolved. */
	void closed(ConversationId conversation, String origin);

	/** The user's sockets leave the conversation's room, for example a former agent's. */
	void revoked(ConversationId conversation, UserId user);

	/**
	 * A new or changed conversation, to the inbox-subscribed sockets of the staff who may
	 * see it.
	 * @param event {@code CONVERSATION_CREATED} or {@code CONVERSATION_UPDATED}
	 */
	void inbox(String event, ConversationSnapshot conversation);

}

package io.parley.realtime;

import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationMerged;
import io.parley.conversation.ConversationRead;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.identity.UserId;
import io.parley.workspace.Availability;
import io.parley.workspace.WorkspaceId;

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

	/**
	 * The staff moved the conversation to another status (closing aside): the visitors in
	 * the room are told; the staff learn it from their inbox.
	 */
	void statusChanged(ConversationId conversation, ConversationStatus status);

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

	/**
	 * Someone in the room is typing, or stopped: a visitor's typing goes to the staff in
	 * the room, the staff's to everyone else in it. Never stored.
	 * @param origin the connection it came from, which is not told
	 * @param author {@link Author.Type#CONTACT} for the customer, else
	 * {@link Author.Type#MEMBER}
	 * @param name the name to show, or {@code null}
	 */
	void typing(ConversationId conversation, String origin, Author.Type author, String name, boolean typing);

	/**
	 * A read mark moved: the staff's goes to the visitors in the room, the contact's to
	 * the staff in it.
	 */
	void read(ConversationRead read);

	/**
	 * The conversation changed hands ({@code agent} {@code null}: it has no agent now):
	 * the visitors in the room are shown who handles it.
	 */
	void agentChanged(WorkspaceId workspace, ConversationId conversation, UserId agent);

	/**
	 * Tells the inboxes of the agent a conversation was taken from that it is no longer
	 * theirs ({@code CONVERSATION_REMOVED}): they no longer see it, so its
	 * {@code CONVERSATION_UPDATED} does not reach them.
	 */
	void unassigned(WorkspaceId workspace, ConversationId conversation, UserId previousAgent);

	/**
	 * The conversation was deleted (decision 108): its room is told it is closed and
	 * dissolved, and every inbox of the workspace that it is no longer there
	 * ({@code CONVERSATION_REMOVED}).
	 */
	void deleted(WorkspaceId workspace, ConversationId conversation);

	/**
	 * A conversation was merged into another ({@code CONVERSATION_MERGED}): everyone in
	 * its room, before the closing dissolves it, and the inbox-subscribed sockets of the
	 * staff who may see it.
	 */
	void merged(ConversationMerged merged);

	/**
	 * What became of a staff message a channel carried changed
	 * ({@code MESSAGE_DELIVERY}): to the staff in its room and the inbox-subscribed
	 * sockets of the staff who may see it (supervisors and admins read a conversation
	 * without joining its room); never to the customer.
	 */
	void delivery(ConversationSnapshot conversation, long sequence, DeliveryState delivery);

	/**
	 * A member's availability changed: the visitors in the rooms of the conversations
	 * they handle are told.
	 */
	void presence(WorkspaceId workspace, UserId member, Availability availability);

}

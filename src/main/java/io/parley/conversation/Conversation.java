package io.parley.conversation;

import java.time.Instant;

import io.parley.contact.ContactId;
import io.parley.identity.Caller;
import io.parley.identity.Member;
import io.parley.identity.Permission;
import io.parley.identity.UserId;
import io.parley.identity.WorkspaceId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

/**
 * A contact's request for support, routed to an agent. The aggregate guards its lifecycle
 * and the sequence of its messages.
 */
public final class Conversation {

	private final ConversationId id;

	private final WorkspaceId workspaceId;

	private final ContactId contactId;

	private final UserId candidateId;

	private final UserId supervisorId;

	private UserId agentId;

	private ConversationStatus status;

	private final Channel channel;

	private Priority priority;

	private final Context context;

	private long lastSequence;

	private final Instant createdAt;

	private Instant updatedAt;

	Conversation(ConversationId id, WorkspaceId workspaceId, ContactId contactId, UserId candidateId,
			UserId supervisorId, UserId agentId, ConversationStatus status, Channel channel, Priority priority,
			Context context, long lastSequence, Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.workspaceId = workspaceId;
		this.contactId = contactId;
		this.candidateId = candidateId;
		this.supervisorId = supervisorId;
		this.agentId = agentId;
		this.status = status;
		this.channel = channel;
		this.priority = priority;
		this.context = context;
		this.lastSequence = lastSequence;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * A new conversation.
	 * @param candidateId the contact's login when they opened it themselves, or
	 * {@code null}
	 * @param supervisorId the supervisor it is sent to (seed 003), or {@code null}
	 */
	static Conversation start(WorkspaceId workspace, ContactId contact, UserId candidateId, UserId supervisorId,
			Channel channel, Priority priority, Context context) {
		Instant now = Timestamps.now();
		return new Conversation(ConversationId.random(), workspace, contact, candidateId, supervisorId, null,
				ConversationStatus.OPEN, channel, priority, context, 0, now, now);
	}

	/**
	 * Members allowed to see every conversation see it; others only when they take part
	 * in it or it was sent to them.
	 */
	public boolean isVisibleTo(Caller caller) {
		return isVisible(caller, this.workspaceId, this.supervisorId, this.candidateId, this.agentId);
	}

	static boolean isVisible(Caller caller, WorkspaceId workspace, UserId supervisor, UserId candidate, UserId agent) {
		return caller.workspaceId().equals(workspace) && (caller.can(Permission.VIEW_ANY_CONVERSATION)
				|| caller.is(supervisor) || caller.is(candidate) || caller.is(agent));
	}

	/** The candidate who opened it, or the agent it is assigned to now. */
	public boolean hasParticipant(Caller caller) {
		return caller.workspaceId().equals(this.workspaceId)
				&& (caller.is(this.candidateId) || caller.is(this.agentId));
	}

	/**
	 * Internal notes are for the staff who write them, never for the conversation's
	 * customer, not even one who has since been given a staff role.
	 * @param customer the conversation's customer login, or {@code null}
	 */
	public static boolean showsNotes(Caller reader, UserId customer) {
		return reader.can(Permission.WRITE_NOTES) && !reader.is(customer);
	}

	/** Whether the caller is the customer of this conversation rather than the staff. */
	boolean isCustomer(Caller caller) {
		return caller.is(this.candidateId);
	}

	ConversationAssigned assignTo(Member agent, UserId assignedBy, String reason) {
		requireNotClosed();
		UserId previous = this.agentId;
		this.agentId = agent.userId();
		touch();
		return new ConversationAssigned(this.id, this.supervisorId, agent.userId(),
				agent.userId().equals(previous) ? null : previous, assignedBy, reason);
	}

	/**
	 * Takes the conversation back from its agent, who can no longer handle it: it returns
	 * to the team unassigned, and to {@code open} if the agent had started on it.
	 */
	ConversationAssigned release(UserId releasedBy, String reason) {
		requireNotClosed();
		UserId previous = this.agentId;
		this.agentId = null;
		if (this.status == ConversationStatus.ASSIGNED) {
			this.status = ConversationStatus.OPEN;
		}
		touch();
		return new ConversationAssigned(this.id, this.supervisorId, null, previous, releasedBy, reason);
	}

	/** A participant joins; the assigned agent's first join starts the handling. */
	void admit(Caller participant) {
		requireNotClosed();
		if (participant.is(this.agentId) && this.status == ConversationStatus.OPEN) {
			this.status = ConversationStatus.ASSIGNED;
			touch();
		}
	}

	/**
	 * Closes a conversation no agent has joined (seed 003
	 * {@code POST /conversations/:id/close}).
	 */
	ConversationClosed closeUnanswered() {
		requireNotClosed();
		if (this.status != ConversationStatus.OPEN) {
			throw ErrorCode.CONVERSATION_NOT_OPEN.exception();
		}
		return close(null);
	}

	/** The assigned agent closes the conversation they handle. */
	ConversationClosed closeAsAgent(String origin) {
		requireNotClosed();
		if (this.status == ConversationStatus.OPEN) {
			throw ErrorCode.CONVERSATION_NOT_YET_ASSIGNED.exception();
		}
		return close(origin);
	}

	/**
	 * The staff moves the conversation to another status; {@code assigned} needs an
	 * agent. Closing this way is final too.
	 */
	void changeStatus(ConversationStatus next) {
		requireNotClosed();
		if (next == this.status) {
			return;
		}
		if (!this.status.next().contains(next) || (next == ConversationStatus.ASSIGNED && this.agentId == null)) {
			throw ErrorCode.STATUS_CHANGE_NOT_ALLOWED.exception();
		}
		this.status = next;
		touch();
	}

	void prioritize(Priority priority) {
		requireNotClosed();
		this.priority = priority;
		touch();
	}

	/** Marks a change that is not a status, priority or assignment, such as tags. */
	void touch() {
		this.updatedAt = Timestamps.now();
	}

	Message append(Caller sender, MessageType type, String content) {
		requireNotClosed();
		if (type != MessageType.NOTE && isCustomer(sender)) {
			// the customer writing again brings a resolved or waiting conversation back
			if (this.status == ConversationStatus.RESOLVED || this.status == ConversationStatus.WAITING) {
				this.status = (this.agentId != null) ? ConversationStatus.ASSIGNED : ConversationStatus.OPEN;
			}
		}
		this.lastSequence++;
		Instant now = Timestamps.now();
		this.updatedAt = now;
		return new Message(this.id, this.lastSequence, sender.userId(), sender.role(), type, content, now, null);
	}

	private ConversationClosed close(String origin) {
		this.status = ConversationStatus.CLOSED;
		touch();
		return new ConversationClosed(this.id, origin);
	}

	private void requireNotClosed() {
		if (this.status == ConversationStatus.CLOSED) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
	}

	public ConversationId id() {
		return this.id;
	}

	public WorkspaceId workspaceId() {
		return this.workspaceId;
	}

	public ContactId contactId() {
		return this.contactId;
	}

	/** The contact's login when they opened it themselves (seed 003), or {@code null}. */
	public UserId candidateId() {
		return this.candidateId;
	}

	/** The supervisor it was sent to, or {@code null}. */
	public UserId supervisorId() {
		return this.supervisorId;
	}

	/** The assigned agent, or {@code null}. */
	public UserId agentId() {
		return this.agentId;
	}

	public ConversationStatus status() {
		return this.status;
	}

	public Channel channel() {
		return this.channel;
	}

	public Priority priority() {
		return this.priority;
	}

	public Context context() {
		return this.context;
	}

	public boolean isActive() {
		return this.status != ConversationStatus.CLOSED;
	}

	public long lastSequence() {
		return this.lastSequence;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * What the conversation is about and where it started (seed 004); every part may be
	 * {@code null}.
	 */
	public record Context(String subject, String pageUrl, String referrer) {

		public static final Context NONE = new Context(null, null, null);

	}

}

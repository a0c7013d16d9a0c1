package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.identity.Role;
import io.parley.identity.UserAccount;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

/**
 * A candidate's request for support, routed by a supervisor to an agent. The aggregate
 * guards its lifecycle and the sequence of its messages.
 */
public final class Conversation {

	private final ConversationId id;

	private final UserId candidateId;

	private final UserId supervisorId;

	private UserId agentId;

	private ConversationStatus status;

	private long lastSequence;

	private final Instant createdAt;

	Conversation(ConversationId id, UserId candidateId, UserId supervisorId, UserId agentId, ConversationStatus status,
			long lastSequence, Instant createdAt) {
		this.id = id;
		this.candidateId = candidateId;
		this.supervisorId = supervisorId;
		this.agentId = agentId;
		this.status = status;
		this.lastSequence = lastSequence;
		this.createdAt = createdAt;
	}

	static Conversation start(UserId candidate, UserId supervisor) {
		return new Conversation(ConversationId.random(), candidate, supervisor, null, ConversationStatus.OPEN, 0,
				Timestamps.now());
	}

	/**
	 * Admins see every conversation; everyone else only the ones they take part in or
	 * supervise.
	 */
	public boolean isVisibleTo(Caller caller) {
		return caller.can(Permission.VIEW_ANY_CONVERSATION) || switch (caller.role()) {
			case SUPERVISOR -> caller.is(this.supervisorId);
			case AGENT, CANDIDATE -> hasParticipant(caller);
			default -> false;
		};
	}

	/** The candidate who opened it, or the agent it is assigned to now. */
	public boolean hasParticipant(Caller caller) {
		return (caller.role() == Role.CANDIDATE && caller.is(this.candidateId))
				|| (caller.role() == Role.AGENT && caller.is(this.agentId));
	}

	ConversationAssigned assignTo(UserAccount agent) {
		requireNotClosed();
		UserId previous = this.agentId;
		this.agentId = agent.id();
		return new ConversationAssigned(this.id, this.supervisorId, agent.id(),
				agent.id().equals(previous) ? null : previous);
	}

	/** A participant joins; the assigned agent's first join starts the handling. */
	void admit(Caller participant) {
		requireNotClosed();
		if (participant.role() == Role.AGENT) {
			this.status = ConversationStatus.ASSIGNED;
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

	/** The assigned agent closes the conversation they handled. */
	ConversationClosed closeAsAgent(String origin) {
		requireNotClosed();
		if (this.status != ConversationStatus.ASSIGNED) {
			throw ErrorCode.CONVERSATION_NOT_YET_ASSIGNED.exception();
		}
		return close(origin);
	}

	Message append(Caller sender, String content) {
		requireNotClosed();
		this.lastSequence++;
		return new Message(this.id, this.lastSequence, sender.userId(), sender.role(), content, Timestamps.now());
	}

	private ConversationClosed close(String origin) {
		this.status = ConversationStatus.CLOSED;
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

	public UserId candidateId() {
		return this.candidateId;
	}

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

	public boolean isActive() {
		return this.status != ConversationStatus.CLOSED;
	}

	long lastSequence() {
		return this.lastSequence;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}

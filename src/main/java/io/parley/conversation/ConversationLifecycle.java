package io.parley.conversation;

import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.identity.Role;
import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.system.ErrorCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, routes, joins and closes conversations. Callers are checked for their
 * permission by the adapters; this checks that the conversation and the people named are
 * theirs to act on.
 */
@Service
public class ConversationLifecycle {

	private final Conversations conversations;

	private final UserDirectory directory;

	private final ApplicationEventPublisher events;

	ConversationLifecycle(Conversations conversations, UserDirectory directory, ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.directory = directory;
		this.events = events;
	}

	/** A candidate asks a supervisor's team for help. */
	@Transactional
	public Conversation start(Caller candidate, String supervisorId) {
		UserAccount supervisor = this.directory.find(supervisorId)
			.filter((user) -> user.hasRole(Role.SUPERVISOR))
			.orElseThrow(ErrorCode.SUPERVISOR_NOT_FOUND::exception);
		Conversation conversation = Conversation.start(candidate.userId(), supervisor.id());
		this.conversations.add(conversation);
		return conversation;
	}

	/**
	 * A supervisor gives one of their conversations to one of their agents, taking it
	 * from any other.
	 */
	@Transactional
	public Conversation assign(Caller supervisor, ConversationId id, String agentId) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!supervisor.is(conversation.supervisorId())) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		UserAccount agent = this.directory.find(agentId)
			.filter((user) -> user.hasRole(Role.AGENT))
			.orElseThrow(ErrorCode.AGENT_NOT_FOUND::exception);
		if (!agent.isSupervisedBy(supervisor.userId())) {
			throw ErrorCode.AGENT_NOT_YOURS.exception();
		}
		ConversationAssigned assigned = conversation.assignTo(agent);
		this.conversations.save(conversation);
		this.events.publishEvent(assigned);
		return conversation;
	}

	/**
	 * A participant enters the conversation; the assigned agent's entry marks it
	 * assigned.
	 */
	@Transactional
	public Conversation join(Caller participant, ConversationId id) {
		Conversation conversation = this.conversations.lock(id)
			.filter((found) -> found.hasParticipant(participant))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		ConversationStatus before = conversation.status();
		conversation.admit(participant);
		if (conversation.status() != before) {
			this.conversations.save(conversation);
		}
		return conversation;
	}

	/**
	 * An admin, or the supervisor it was sent to, closes a conversation no agent has
	 * joined.
	 */
	@Transactional
	public Conversation close(Caller closer, ConversationId id) {
		Conversation conversation = this.conversations.lock(id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!closer.can(Permission.CLOSE_ANY_CONVERSATION) && !closer.is(conversation.supervisorId())) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		ConversationClosed closed = conversation.closeUnanswered();
		this.conversations.save(conversation);
		this.events.publishEvent(closed);
		return conversation;
	}

	/** The assigned agent closes the conversation they handled. */
	@Transactional
	public Conversation closeAsAgent(Caller agent, ConversationId id, String origin) {
		Conversation conversation = this.conversations.lock(id)
			.filter((found) -> found.hasParticipant(agent))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		ConversationClosed closed = conversation.closeAsAgent(origin);
		this.conversations.save(conversation);
		this.events.publishEvent(closed);
		return conversation;
	}

}

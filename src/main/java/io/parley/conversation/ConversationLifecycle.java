package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.conversation.Conversation.Context;
import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, routes, joins and closes conversations. Callers are checked for their
 * permission by the adapters; this checks that the conversation and the people named are
 * theirs to act on, in the caller's workspace.
 */
@Service
public class ConversationLifecycle {

	private final Conversations conversations;

	private final MemberDirectory members;

	private final UserDirectory users;

	private final ContactDirectory contacts;

	private final Clock clock;

	ConversationLifecycle(Conversations conversations, MemberDirectory members, UserDirectory users,
			ContactDirectory contacts, Clock clock) {
		this.conversations = conversations;
		this.members = members;
		this.users = users;
		this.contacts = contacts;
		this.clock = clock;
	}

	/**
	 * A candidate asks a supervisor's team for help (seed 003); without a supervisor, the
	 * conversation waits for whoever oversees the whole workspace.
	 * @param supervisorId the supervisor's raw id, or {@code null}
	 */
	@Transactional
	public Conversation start(Caller candidate, String supervisorId, Context context) {
		candidate.require(Permission.START_CONVERSATION);
		Member supervisor = (supervisorId == null) ? null
				: this.members.find(candidate.workspaceId(), supervisorId)
					.filter((member) -> member.can(Permission.ASSIGN_CONVERSATION))
					.orElseThrow(ErrorCode.SUPERVISOR_NOT_FOUND::exception);
		UserAccount account = this.users.find(candidate.userId()).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
		Contact contact = this.contacts.ofUser(candidate.workspaceId(), account);
		this.contacts.seen(candidate.workspaceId(), contact.id());
		Conversation conversation = Conversation.start(candidate.workspaceId(), contact.id(), candidate.userId(),
				(supervisor != null) ? supervisor.userId() : null, Channel.WEB, Priority.NORMAL, context,
				Timestamps.now(this.clock));
		this.conversations.add(conversation);
		return conversation;
	}

	/**
	 * A member of the staff opens a conversation with a contact (channel {@code api}) and
	 * keeps it: an agent handles it, a supervisor routes it.
	 */
	@Transactional
	public Conversation open(Caller staff, String contactId, Priority priority, Context context) {
		staff.require(Permission.CREATE_CONVERSATION);
		Contact contact = this.contacts.find(staff.workspaceId(), contactId)
			.orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
		UserId supervisor = staff.can(Permission.ASSIGN_CONVERSATION) ? staff.userId() : null;
		Instant now = Timestamps.now(this.clock);
		Conversation conversation = Conversation.start(staff.workspaceId(), contact.id(), null, supervisor, Channel.API,
				priority, context, now);
		if (staff.can(Permission.HANDLE_CONVERSATIONS)) {
			Member self = this.members.find(staff.workspaceId(), staff.userId()).orElseThrow();
			conversation.assignTo(self, staff.userId(), "opened by the agent", now);
		}
		this.conversations.add(conversation);
		return conversation;
	}

	/**
	 * Gives a conversation to an agent, taking it from any other. Members who see every
	 * conversation give any of them to any agent; a supervisor gives the conversations
	 * sent to them to the agents they supervise (seed 003).
	 */
	@Transactional
	public Conversation assign(Caller assigner, ConversationId id, String agentId, String reason) {
		Conversation conversation = this.conversations.lock(assigner.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!ConversationAccess.mayAssign(assigner, conversation)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Member agent = this.members.find(assigner.workspaceId(), agentId)
			.filter((member) -> member.can(Permission.HANDLE_CONVERSATIONS))
			.orElseThrow(ErrorCode.AGENT_NOT_FOUND::exception);
		if (!ConversationAccess.mayAssignTo(assigner, agent)) {
			throw ErrorCode.AGENT_NOT_YOURS.exception();
		}
		conversation.assignTo(agent, assigner.userId(), reason, Timestamps.now(this.clock));
		this.conversations.save(conversation);
		return conversation;
	}

	/**
	 * A participant enters the conversation; the assigned agent's entry marks it
	 * assigned.
	 */
	@Transactional
	public Conversation join(Caller participant, ConversationId id) {
		participant.require(Permission.TAKE_PART_IN_CONVERSATION);
		Conversation conversation = this.conversations.lock(participant.workspaceId(), id)
			.filter((found) -> found.hasParticipant(participant))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		if (conversation.isCustomer(participant)) {
			this.contacts.seen(participant.workspaceId(), conversation.contactId());
		}
		ConversationStatus before = conversation.status();
		conversation.admit(participant, Timestamps.now(this.clock));
		if (conversation.status() != before) {
			this.conversations.save(conversation);
		}
		return conversation;
	}

	/**
	 * Closes a conversation no agent has joined: members who may close any, or the
	 * supervisor it was sent to (seed 003).
	 */
	@Transactional
	public Conversation close(Caller closer, ConversationId id) {
		Conversation conversation = this.conversations.lock(closer.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!closer.can(Permission.CLOSE_ANY_CONVERSATION) && !closer.is(conversation.supervisorId())) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		conversation.closeUnanswered(closer.userId(), Timestamps.now(this.clock));
		this.conversations.save(conversation);
		return conversation;
	}

	/** The assigned agent closes the conversation they handle. */
	@Transactional
	public Conversation closeAsAgent(Caller agent, ConversationId id, String origin) {
		agent.require(Permission.CLOSE_ASSIGNED_CONVERSATION);
		Conversation conversation = this.conversations.lock(agent.workspaceId(), id)
			.filter((found) -> found.hasParticipant(agent) && !found.isCustomer(agent))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_ACCESSIBLE::exception);
		conversation.closeAsAgent(agent.userId(), origin, Timestamps.now(this.clock));
		this.conversations.save(conversation);
		return conversation;
	}

}

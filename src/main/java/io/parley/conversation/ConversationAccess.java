package io.parley.conversation;

import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

/**
 * Who sees a conversation and its internal notes, who writes, closes and assigns it: one
 * home for each rule, asked by REST, the socket and the writer. The rules the inbox's
 * queries need are here in SQL too, beside their Java, so the two cannot drift apart; the
 * SQL reads {@code conversations c} and {@code messages m}, with the caller's user id as
 * {@code :me}.
 */
public final class ConversationAccess {

	private ConversationAccess() {
	}

	/**
	 * Members allowed to see every conversation see it; others only when they take part
	 * in it or it was sent to them.
	 */
	static boolean sees(Caller caller, WorkspaceId workspace, UserId supervisor, UserId candidate, UserId agent) {
		return caller.workspaceId().equals(workspace) && (caller.can(Permission.VIEW_ANY_CONVERSATION)
				|| caller.is(supervisor) || caller.is(candidate) || caller.is(agent));
	}

	/** {@link #sees} as a condition on {@code c} (the workspace is the query's own). */
	static String seesSql(Caller caller) {
		return caller.can(Permission.VIEW_ANY_CONVERSATION) ? "TRUE"
				: "(c.supervisor_id = :me OR c.agent_id = :me OR c.candidate_id = :me)";
	}

	/**
	 * Internal notes, and system messages with them, are for the staff who write them,
	 * never for the conversation's customer, not even one who has since been given a
	 * staff role.
	 * @param customer the conversation's customer login, or {@code null}
	 */
	public static boolean showsNotes(Caller reader, UserId customer) {
		return reader.can(Permission.WRITE_NOTES) && !reader.is(customer);
	}

	/**
	 * Who may write what: a signed-in participant writes to the conversation they take
	 * part in, the staff who see it write internal notes, the conversation's own contact
	 * writes as the customer, and bots and Parley write their own kinds.
	 * @param caller the signed-in person writing, or {@code null} for a contact without a
	 * login, a bot or the system
	 */
	static boolean mayWrite(Caller caller, Author author, MessageType type, Conversation conversation) {
		if (caller != null) {
			if (!caller.workspaceId().equals(conversation.workspaceId())) {
				return false;
			}
			return (type == MessageType.NOTE) ? conversation.showsNotesTo(caller) && conversation.isVisibleTo(caller)
					: isWritten(type) && conversation.hasParticipant(caller);
		}
		if (author instanceof Author.Contact contact) {
			return isWritten(type) && contact.contactId().equals(conversation.contactId());
		}
		return (author instanceof Author.Bot) ? type == MessageType.BOT
				: author instanceof Author.Parley && type == MessageType.SYSTEM;
	}

	/** What people write to each other: text, and files with an optional caption. */
	private static boolean isWritten(MessageType type) {
		return type == MessageType.TEXT || type == MessageType.FILE;
	}

	/**
	 * Who may close the conversation, by any route: members who close any conversation;
	 * the supervisor it was sent to while no agent handles it (seed 003's close route);
	 * the agent handling it.
	 */
	static boolean mayClose(Caller caller, Conversation conversation) {
		if (!conversation.isActive() || !caller.workspaceId().equals(conversation.workspaceId())) {
			return false;
		}
		if (caller.can(Permission.CLOSE_ANY_CONVERSATION)) {
			return true;
		}
		boolean unhandled = conversation.agentId() == null || conversation.status() == ConversationStatus.OPEN;
		if (unhandled && caller.can(Permission.CLOSE_OPEN_CONVERSATION) && caller.is(conversation.supervisorId())) {
			return true;
		}
		return conversation.agentId() != null && caller.can(Permission.CLOSE_ASSIGNED_CONVERSATION)
				&& caller.is(conversation.agentId());
	}

	/**
	 * Who may merge {@code source} into {@code target} (decision 84): whoever changes the
	 * conversations they see, sees both, and may close {@code source}, which the merge
	 * closes. The target only gains history, so seeing it is enough.
	 */
	public static boolean mayMerge(Caller caller, Conversation source, Conversation target) {
		return caller.can(Permission.UPDATE_CONVERSATION) && source.isVisibleTo(caller) && target.isVisibleTo(caller)
				&& mayClose(caller, source);
	}

	/**
	 * Who may give the conversation to an agent: members who see every conversation, or
	 * the supervisor it was sent to (seed 003).
	 */
	static boolean mayAssign(Caller assigner, Conversation conversation) {
		return assigner.can(Permission.VIEW_ANY_CONVERSATION) || assigner.is(conversation.supervisorId());
	}

	/** Whether the assigner may give conversations to this agent: one they supervise. */
	static boolean mayAssignTo(Caller assigner, Member agent) {
		return assigner.can(Permission.VIEW_ANY_CONVERSATION) || agent.isSupervisedBy(assigner.userId());
	}

	/**
	 * Which messages {@code m} of {@code c} the reader may read, by {@link #showsNotes}.
	 */
	static String readsSql(Caller reader) {
		return reader.can(Permission.WRITE_NOTES)
				? "(m.note_number = 0 OR c.candidate_id IS NULL OR c.candidate_id <> :me)" : "m.note_number = 0";
	}

}

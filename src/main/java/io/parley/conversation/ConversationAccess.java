package io.parley.conversation;

import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.identity.UserId;
import io.parley.identity.WorkspaceId;

/**
 * Who sees a conversation and who sees its internal notes: each rule once in Java and
 * once in SQL, side by side, so that the checks of REST and the socket and the inbox's
 * queries cannot drift apart. The SQL reads {@code conversations c} and, for notes,
 * {@code messages m}, with the caller's user id as {@code :me}.
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
	 * Internal notes are for the staff who write them, never for the conversation's
	 * customer, not even one who has since been given a staff role.
	 * @param customer the conversation's customer login, or {@code null}
	 */
	public static boolean showsNotes(Caller reader, UserId customer) {
		return reader.can(Permission.WRITE_NOTES) && !reader.is(customer);
	}

	/**
	 * Which messages {@code m} of {@code c} the reader may read, by {@link #showsNotes}.
	 */
	static String readsSql(Caller reader) {
		return reader.can(Permission.WRITE_NOTES)
				? "(m.message_type <> 'note' OR c.candidate_id IS NULL OR c.candidate_id <> :me)"
				: "m.message_type <> 'note'";
	}

}

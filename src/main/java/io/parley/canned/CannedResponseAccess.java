package io.parley.canned;

import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

/**
 * Who sees and who changes a canned response (decision 81), in Java and, for the list's
 * query, in SQL over {@code canned_responses} with the caller's user id as {@code :me}.
 * Both assume a caller of the response's workspace who uses canned responses.
 */
final class CannedResponseAccess {

	/** {@link #sees} as a condition. */
	static final String SEES_SQL = "(visibility = 'shared' OR owner_id = :me)";

	private CannedResponseAccess() {
	}

	/** Everyone sees the shared responses; a private one only its owner. */
	static boolean sees(Caller caller, CannedResponse response) {
		return caller.workspaceId().equals(response.workspaceId())
				&& (response.isShared() || caller.is(response.ownerId()));
	}

	/**
	 * Whether the caller may give a response this visibility, or change one that has it:
	 * the shared ones are for those who manage them, one's own private ones for oneself.
	 */
	static boolean mayKeep(Caller caller, Visibility visibility) {
		return visibility == Visibility.PRIVATE || caller.can(Permission.MANAGE_CANNED_RESPONSES);
	}

}

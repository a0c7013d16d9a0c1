package io.parley.workspace;

import io.parley.identity.UserId;

/**
 * A member's role, or what their custom role grants, changed, or they were deactivated,
 * reactivated or removed. What they may do is read from the membership on every request,
 * but an open socket keeps the caller it was opened with: the realtime module closes the
 * user's sockets in the workspace, and they reconnect with what they may do now.
 * Published within the transaction that makes the change; profile edits do not publish
 * it.
 *
 * @param changedBy the member who made the change
 */
public record MembershipChanged(WorkspaceId workspaceId, UserId userId, UserId changedBy) {
}

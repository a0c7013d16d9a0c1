package io.parley.workspace;

import io.parley.identity.UserId;

/**
 * A member said whether they take conversations now, or went offline when their last
 * socket closed (seed 004). Published within the transaction that stored it; a widget
 * visitor whose conversation the member handles is shown it.
 */
public record AvailabilityChanged(WorkspaceId workspaceId, UserId userId, Availability availability) {
}

package io.parley.identity;

import java.time.Instant;

/**
 * A user's membership of a workspace.
 *
 * @param supervisorId the supervisor an agent works for (seed 003), or {@code null}
 * @param active {@code false} once deactivated: their tokens and sockets stop working
 */
public record Member(WorkspaceId workspaceId, UserId userId, String name, String email, MemberRole role,
		UserId supervisorId, boolean active, AgentProfile profile, Instant joinedAt) {

	public boolean can(Permission permission) {
		return this.active && this.role.permissions().contains(permission);
	}

	public boolean isSupervisedBy(UserId supervisor) {
		return supervisor.equals(this.supervisorId);
	}

	Caller caller() {
		return new Caller(this.userId, this.workspaceId, this.role.name(), this.role.permissions());
	}

}

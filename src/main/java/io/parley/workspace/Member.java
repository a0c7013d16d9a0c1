package io.parley.workspace;

import java.time.Instant;

import io.parley.identity.UserId;

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

	/**
	 * Whether the member is on the staff: handles conversations or sees the workspace,
	 * unlike a candidate.
	 */
	public boolean isStaff() {
		return this.role.grants(Permission.HANDLE_CONVERSATIONS) || this.role.grants(Permission.VIEW_WORKSPACE);
	}

	public boolean isSupervisedBy(UserId supervisor) {
		return supervisor.equals(this.supervisorId);
	}

	/** The creator of the workspace, whose membership nobody can change. */
	public boolean isOwner() {
		return this.role.is(Role.OWNER);
	}

	/**
	 * The member with another role. A supervisor stays only with a role that handles
	 * conversations: a promoted agent no longer works for anyone.
	 */
	Member withRole(MemberRole newRole) {
		UserId supervisor = newRole.grants(Permission.HANDLE_CONVERSATIONS) ? this.supervisorId : null;
		return new Member(this.workspaceId, this.userId, this.name, this.email, newRole, supervisor, this.active,
				this.profile, this.joinedAt);
	}

	Member supervisedBy(UserId supervisor) {
		return new Member(this.workspaceId, this.userId, this.name, this.email, this.role, supervisor, this.active,
				this.profile, this.joinedAt);
	}

	Member withActive(boolean isActive) {
		return new Member(this.workspaceId, this.userId, this.name, this.email, this.role, this.supervisorId, isActive,
				this.profile, this.joinedAt);
	}

	Member withProfile(AgentProfile newProfile) {
		return new Member(this.workspaceId, this.userId, this.name, this.email, this.role, this.supervisorId,
				this.active, newProfile, this.joinedAt);
	}

	Caller caller() {
		return new Caller(this.userId, this.workspaceId, this.role.name(), this.role.permissions());
	}

}

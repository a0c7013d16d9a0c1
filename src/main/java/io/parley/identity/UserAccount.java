package io.parley.identity;

/**
 * A user as other modules see it.
 *
 * @param supervisorId the supervisor an agent works for, {@code null} for other roles
 */
public record UserAccount(UserId id, String name, String email, Role role, UserId supervisorId) {

	public boolean hasRole(Role expected) {
		return this.role == expected;
	}

	public boolean isSupervisedBy(UserId supervisor) {
		return supervisor.equals(this.supervisorId);
	}

}

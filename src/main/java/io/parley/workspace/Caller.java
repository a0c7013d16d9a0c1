package io.parley.workspace;

import java.util.Set;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;

/**
 * The authenticated user behind a request or a socket, acting in one workspace with the
 * permissions their membership there grants.
 *
 * @param role the name of the member's role, built-in ({@code agent}) or custom
 */
public record Caller(UserId userId, WorkspaceId workspaceId, String role, Set<Permission> permissions) {

	public boolean can(Permission permission) {
		return this.permissions.contains(permission);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#FORBIDDEN} when the role
	 * does not grant the permission
	 */
	public void require(Permission permission) {
		if (!can(permission)) {
			throw ErrorCode.FORBIDDEN.exception();
		}
	}

	/**
	 * Whether the caller may give someone a role with these permissions: no one hands out
	 * an administrative permission they do not hold. The support work itself (answering,
	 * routing, closing) may be granted by anyone who manages members.
	 */
	public boolean mayGrant(Set<Permission> granted) {
		return granted.stream().filter(Permission::isAdministrative).allMatch(this.permissions::contains);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#FORBIDDEN} when the
	 * caller may not give these permissions
	 */
	public void requireMayGrant(Set<Permission> granted) {
		if (!mayGrant(granted)) {
			throw ErrorCode.FORBIDDEN.exception();
		}
	}

	public boolean is(UserId user) {
		return this.userId.equals(user);
	}

}

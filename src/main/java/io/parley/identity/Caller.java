package io.parley.identity;

import io.parley.system.ErrorCode;

/**
 * The authenticated user behind a request or a socket.
 */
public record Caller(UserId userId, Role role) {

	public boolean can(Permission permission) {
		return this.role.grants(permission);
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

	public boolean is(UserId user) {
		return this.userId.equals(user);
	}

}

package io.parley.identity;

import java.util.EnumSet;
import java.util.Set;

import static io.parley.identity.Role.ADMIN;
import static io.parley.identity.Role.AGENT;
import static io.parley.identity.Role.CANDIDATE;
import static io.parley.identity.Role.SUPERVISOR;

/**
 * What a caller may do, and which roles grant it. The one place role rules live: REST
 * handlers declare the permission they need with {@link RequiresPermission}, socket
 * handlers ask {@link Caller#require(Permission)}.
 */
public enum Permission {

	START_CONVERSATION(CANDIDATE),

	ASSIGN_CONVERSATION(SUPERVISOR),

	/**
	 * Close a conversation no agent has joined yet (HTTP): supervisors their own, see
	 * below.
	 */
	CLOSE_OPEN_CONVERSATION(ADMIN, SUPERVISOR),

	/** Close any open conversation, not only those sent to oneself. */
	CLOSE_ANY_CONVERSATION(ADMIN),

	/** Close a conversation one has handled (socket). */
	CLOSE_ASSIGNED_CONVERSATION(AGENT),

	TAKE_PART_IN_CONVERSATION(CANDIDATE, AGENT),

	VIEW_ANY_CONVERSATION(ADMIN),

	VIEW_ANALYTICS(ADMIN);

	private final Set<Role> roles;

	Permission(Role first, Role... rest) {
		this.roles = EnumSet.of(first, rest);
	}

	boolean isGrantedTo(Role role) {
		return this.roles.contains(role);
	}

}

package io.parley.workspace;

import java.time.Instant;
import java.util.Set;

/**
 * A role a workspace defined: a name and the permissions it grants.
 *
 * @param createdAt when it was defined: roles are listed oldest first
 */
public record CustomRole(RoleId id, WorkspaceId workspaceId, String name, Set<Permission> permissions,
		Instant createdAt) {
}

package io.parley.identity;

import java.util.Set;

/** A role a workspace defined: a name and the permissions it grants. */
public record CustomRole(RoleId id, WorkspaceId workspaceId, String name, Set<Permission> permissions) {
}

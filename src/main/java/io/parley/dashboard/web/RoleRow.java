package io.parley.dashboard.web;

import java.util.Set;
import java.util.stream.Collectors;

import io.parley.workspace.CustomRole;
import io.parley.workspace.Permission;
import io.parley.workspace.Role;

/**
 * A role as the roles page shows it: built-in ones have no id and cannot be changed.
 *
 * @param permissions the {@link Permission#value() names} of what it grants
 */
public record RoleRow(String id, String name, boolean builtIn, Set<String> permissions) {

	static RoleRow of(Role role) {
		return new RoleRow(null, role.value(), true, names(role.permissions()));
	}

	static RoleRow of(CustomRole role) {
		return new RoleRow(role.id().toString(), role.name(), false, names(role.permissions()));
	}

	/** For templates: whether the role grants the permission of this name. */
	public boolean grants(String permission) {
		return this.permissions.contains(permission);
	}

	private static Set<String> names(Set<Permission> permissions) {
		return permissions.stream().map(Permission::value).collect(Collectors.toUnmodifiableSet());
	}

}

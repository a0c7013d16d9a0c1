package io.parley.workspace.web;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.workspace.CustomRole;
import io.parley.workspace.Permission;
import io.parley.workspace.Role;

/**
 * A role and what it grants: built-in roles have no id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RoleView(String id, String name, boolean builtIn, Set<Permission> permissions) {

	static RoleView of(Role role) {
		return new RoleView(null, role.value(), true, role.permissions());
	}

	static RoleView of(CustomRole role) {
		return new RoleView(role.id().toString(), role.name(), false, role.permissions());
	}

}

package io.parley.identity.web;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.identity.CustomRole;
import io.parley.identity.Permission;
import io.parley.identity.Role;

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

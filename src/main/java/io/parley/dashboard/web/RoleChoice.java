package io.parley.dashboard.web;

import java.util.Optional;

import io.parley.workspace.CustomRole;
import io.parley.workspace.MemberRole;
import io.parley.workspace.Role;

/**
 * A role offered in the members' and the invitation's select. Its key is a built-in
 * role's name ({@code agent}) or {@code custom:} and a custom role's id; custom roles'
 * names never equal a built-in one's, but the key keeps the two apart anyway.
 */
public record RoleChoice(String key, String name, boolean builtIn) {

	static final String CUSTOM = "custom:";

	static RoleChoice of(Role role) {
		return new RoleChoice(role.value(), role.value(), true);
	}

	static RoleChoice of(CustomRole role) {
		return new RoleChoice(CUSTOM + role.id(), role.name(), false);
	}

	static String keyOf(MemberRole role) {
		return (role.customRoleId() != null) ? CUSTOM + role.customRoleId() : role.name();
	}

	/** The built-in role a key names, if it names one. */
	static Optional<String> builtInOf(String key) {
		return key.startsWith(CUSTOM) ? Optional.empty() : Optional.of(key);
	}

	/** The custom role's id a key names, if it names one. */
	static Optional<String> customOf(String key) {
		return key.startsWith(CUSTOM) ? Optional.of(key.substring(CUSTOM.length())) : Optional.empty();
	}

}

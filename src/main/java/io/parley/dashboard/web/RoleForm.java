package io.parley.dashboard.web;

import java.util.List;

/**
 * A custom role as its form sends it, and shows it again when refused.
 *
 * @param permissions the names of the ticked permissions
 */
public record RoleForm(String name, List<String> permissions) {

	static RoleForm empty() {
		return new RoleForm("", List.of());
	}

	static RoleForm of(RoleRow role) {
		return new RoleForm(role.name(), List.copyOf(role.permissions()));
	}

	/** For templates: whether the box of this permission is ticked. */
	public boolean has(String permission) {
		return this.permissions.contains(permission);
	}

}

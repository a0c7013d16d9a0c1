package io.parley.dashboard.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

/**
 * A permission in the roles page's grid of checkboxes.
 *
 * @param value the name custom roles store, for example {@code conversations.assign}
 * @param grantable whether the viewer may put it into a role: an administrative
 * permission only by those who hold it ({@link Caller#mayGrant})
 */
public record PermissionChoice(String value, String description, boolean administrative, boolean grantable) {

	/** The whole catalog, in the order of {@link Permission}. */
	static List<PermissionChoice> catalogFor(Caller caller) {
		return Arrays.stream(Permission.values())
			.map((permission) -> new PermissionChoice(permission.value(), permission.description(),
					permission.isAdministrative(), caller.mayGrant(Set.of(permission))))
			.toList();
	}

	/** For templates: the key of its label in the message bundles. */
	public String messageKey() {
		return "permission." + this.value;
	}

}

package io.parley.workspace;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a membership grants a permission, as SQL for read models that count members by
 * what they may do (see {@code TeamAnalytics}). It is {@link MemberRole#permissions()}
 * over the stored columns: a built-in role's permissions are in {@link Role}, a custom
 * role's in {@code roles.permissions}, space-separated as {@link CustomRoles} writes
 * them. Kept here, beside the code that writes those columns, so the two cannot drift
 * apart.
 */
public final class MembershipGrants {

	private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

	private MembershipGrants() {
	}

	/**
	 * A condition that holds for the rows of {@code memberships} whose role grants
	 * {@code permission}.
	 * @param membership the alias of the {@code memberships} table in the query
	 */
	public static String grants(Permission permission, String membership) {
		if (!ALIAS.matcher(membership).matches()) {
			throw new IllegalArgumentException("Not a table alias: " + membership);
		}
		String builtIn = Arrays.stream(Role.values())
			.filter((role) -> role.permissions().contains(permission))
			.map((role) -> "'" + role.value() + "'")
			.collect(Collectors.joining(", "));
		String byRole = builtIn.isEmpty() ? "FALSE" : membership + ".role IN (" + builtIn + ")";
		// permission names hold '_', LIKE's any-character: escaped; the names hold no
		// quotes
		String word = "% " + permission.value().replace("_", "!_") + " %";
		return "(" + byRole + " OR EXISTS (SELECT 1 FROM roles granting WHERE granting.id = " + membership
				+ ".custom_role_id AND ' ' || granting.permissions || ' ' LIKE '" + word + "' ESCAPE '!'))";
	}

}

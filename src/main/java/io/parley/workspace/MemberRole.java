package io.parley.workspace;

import java.util.Set;

/**
 * The role a member holds: a built-in {@link Role} ({@code customRoleId} is
 * {@code null}), or one of the workspace's custom roles ({@code builtIn} is
 * {@code null}).
 */
public record MemberRole(String name, Role builtIn, RoleId customRoleId, Set<Permission> permissions) {

	/**
	 * What a used or expired invitation gives once its custom role is deleted (decision
	 * 23): the name {@code custom}, and no permission.
	 */
	static final MemberRole DELETED_CUSTOM_ROLE = new MemberRole("custom", null, null, Set.of());

	public static MemberRole of(Role role) {
		return new MemberRole(role.value(), role, null, role.permissions());
	}

	public static MemberRole of(CustomRole role) {
		return new MemberRole(role.name(), null, role.id(), role.permissions());
	}

	public boolean is(Role role) {
		return this.builtIn == role;
	}

	public boolean grants(Permission permission) {
		return this.permissions.contains(permission);
	}

	/** The value of the {@code role} column: the built-in role, or {@code custom}. */
	String column() {
		return (this.builtIn != null) ? this.builtIn.value() : "custom";
	}

}

package io.parley.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.parley.system.ErrorCode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the roles a workspace defines. Permissions are kept by name, separated by
 * spaces; a name no longer known is ignored, so removing a permission never breaks a
 * stored role.
 */
@Repository
class CustomRoles {

	private final JdbcClient jdbc;

	private final Clock clock;

	CustomRoles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void add(CustomRole role) {
		try {
			this.jdbc
				.sql("INSERT INTO roles (id, workspace_id, name, name_key, permissions, created_at) "
						+ "VALUES (:id, :workspace, :name, :key, :permissions, :at)")
				.param("id", role.id().value())
				.param("workspace", role.workspaceId().value())
				.param("name", role.name())
				.param("key", key(role.name()))
				.param("permissions", column(role.permissions()))
				.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ROLE_NAME_TAKEN.exception();
		}
	}

	void save(CustomRole role) {
		try {
			this.jdbc.sql("UPDATE roles SET name = :name, name_key = :key, permissions = :permissions WHERE id = :id")
				.param("name", role.name())
				.param("key", key(role.name()))
				.param("permissions", column(role.permissions()))
				.param("id", role.id().value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ROLE_NAME_TAKEN.exception();
		}
	}

	/**
	 * Deletes a role nobody holds. Invitations that can no longer be accepted (used or
	 * expired) let go of it first; a holder that slipped in concurrently makes it
	 * {@link ErrorCode#ROLE_IN_USE}.
	 */
	void remove(RoleId id, Instant now) {
		try {
			this.jdbc
				.sql("UPDATE invitations SET custom_role_id = NULL "
						+ "WHERE custom_role_id = ? AND (accepted_at IS NOT NULL OR expires_at <= ?)")
				.params(id.value(), now.atOffset(ZoneOffset.UTC))
				.update();
			this.jdbc.sql("DELETE FROM roles WHERE id = ?").param(id.value()).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw ErrorCode.ROLE_IN_USE.exception();
		}
	}

	/** Whether an invitation that can still be accepted would give the role. */
	boolean isOffered(RoleId id, Instant now) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM invitations WHERE custom_role_id = ? AND accepted_at IS NULL AND expires_at > ?")
			.params(id.value(), now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * What makes two names the same, for the unique {@code name_key}: their case does not
	 * count, so "Billing" and "billing" never stand side by side.
	 */
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * The role, locked until the transaction ends: giving a role and deleting it do not
	 * cross.
	 */
	Optional<CustomRole> lock(WorkspaceId workspace, RoleId id) {
		return this.jdbc
			.sql("SELECT id, workspace_id, name, permissions FROM roles WHERE workspace_id = ? AND id = ? FOR UPDATE")
			.params(workspace.value(), id.value())
			.query(CustomRoles::map)
			.optional();
	}

	List<CustomRole> of(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT id, workspace_id, name, permissions FROM roles WHERE workspace_id = ? ORDER BY created_at, id")
			.param(workspace.value())
			.query(CustomRoles::map)
			.list();
	}

	static Set<Permission> permissionsOf(String column) {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		Arrays.stream(column.split(" ")).map(Permission::parse).flatMap(Optional::stream).forEach(permissions::add);
		return permissions;
	}

	private static String column(Set<Permission> permissions) {
		return permissions.stream().map(Permission::value).sorted().collect(Collectors.joining(" "));
	}

	private static CustomRole map(ResultSet row, int number) throws SQLException {
		return new CustomRole(new RoleId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("name"),
				permissionsOf(row.getString("permissions")));
	}

}

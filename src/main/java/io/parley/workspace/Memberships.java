package io.parley.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.parley.identity.UserId;
import io.parley.system.PageCursor;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores who belongs to which workspace, in which role.
 */
@Repository
class Memberships {

	private static final String SELECT = """
			SELECT m.workspace_id, m.user_id, u.name, u.email, m.role, m.custom_role_id, r.name AS custom_name,
			  r.permissions, m.supervisor_id, m.active, m.display_name, m.avatar_url, m.availability,
			  m.max_concurrent, m.created_at
			FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN roles r ON r.id = m.custom_role_id
			""";

	private final JdbcClient jdbc;

	Memberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Member member) {
		this.jdbc.sql("""
				INSERT INTO memberships (workspace_id, user_id, role, custom_role_id, supervisor_id, active,
				  display_name, avatar_url, availability, max_concurrent, created_at)
				VALUES (:workspace, :user, :role, :customRole, :supervisor, :active, :displayName, :avatar,
				  :availability, :maxConcurrent, :at)
				""").paramSource(columns(member)).update();
	}

	/** Writes everything but the keys and the join date. */
	void save(Member member) {
		this.jdbc.sql("""
				UPDATE memberships SET role = :role, custom_role_id = :customRole, supervisor_id = :supervisor,
				  active = :active, display_name = :displayName, avatar_url = :avatar, availability = :availability,
				  max_concurrent = :maxConcurrent
				WHERE workspace_id = :workspace AND user_id = :user
				""").paramSource(columns(member)).update();
	}

	void remove(WorkspaceId workspace, UserId user) {
		this.jdbc.sql("UPDATE memberships SET supervisor_id = NULL WHERE workspace_id = ? AND supervisor_id = ?")
			.params(workspace.value(), user.value())
			.update();
		this.jdbc.sql("DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?")
			.params(workspace.value(), user.value())
			.update();
	}

	Optional<Member> find(WorkspaceId workspace, UserId user) {
		return this.jdbc.sql(SELECT + " WHERE m.workspace_id = ? AND m.user_id = ?")
			.params(workspace.value(), user.value())
			.query(Memberships::map)
			.optional();
	}

	/** The same, with the row locked until the transaction ends. */
	Optional<Member> lock(WorkspaceId workspace, UserId user) {
		this.jdbc.sql("SELECT user_id FROM memberships WHERE workspace_id = ? AND user_id = ? FOR UPDATE")
			.params(workspace.value(), user.value())
			.query(UUID.class)
			.optional();
		return find(workspace, user);
	}

	/**
	 * Whether an active member of the workspace who is online has the permission: only
	 * the online ones are read, and the first who has it ends the search.
	 */
	boolean anyOnlineWith(WorkspaceId workspace, Permission permission) {
		try (Stream<Member> online = this.jdbc
			.sql(SELECT + " WHERE m.workspace_id = ? AND m.active = TRUE AND m.availability = 'online'")
			.param(workspace.value())
			.query(Memberships::map)
			.stream()) {
			return online.anyMatch((member) -> member.can(permission));
		}
	}

	List<Member> of(WorkspaceId workspace) {
		return this.jdbc.sql(SELECT + " WHERE m.workspace_id = ? ORDER BY m.created_at, m.user_id")
			.param(workspace.value())
			.query(Memberships::map)
			.list();
	}

	/**
	 * Up to {@code limit} members, oldest first, after {@code after} ({@code null} for
	 * the first page). Cut by key, not offset, so a member joining or leaving while a
	 * client pages neither repeats nor hides the others.
	 */
	List<Member> page(WorkspaceId workspace, MemberCursor after, int limit) {
		String from = (after != null) ? " AND (m.created_at > :at OR (m.created_at = :at AND m.user_id > :user))" : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT + " WHERE m.workspace_id = :workspace" + from
					+ " ORDER BY m.created_at, m.user_id LIMIT :limit")
			.param("workspace", workspace.value())
			.param("limit", limit);
		if (after != null) {
			query = query.param("at", after.joinedAt().atOffset(ZoneOffset.UTC)).param("user", after.userId().value());
		}
		return query.query(Memberships::map).list();
	}

	/**
	 * Up to {@code limit} memberships of a user, oldest first, after {@code after} (the
	 * last one's join date and workspace id; {@code null} for the first page).
	 */
	List<Member> page(UserId user, PageCursor after, int limit) {
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT + " WHERE m.user_id = :user" + PageCursor.condition(after, "m.created_at", "m.workspace_id")
					+ " ORDER BY m.created_at, m.workspace_id LIMIT :limit")
			.param("user", user.value())
			.param("limit", limit);
		return PageCursor.bind(after, query).query(Memberships::map).list();
	}

	/** Every membership of a user, oldest first. */
	List<Member> of(UserId user) {
		return this.jdbc.sql(SELECT + " WHERE m.user_id = ? ORDER BY m.created_at, m.workspace_id")
			.param(user.value())
			.query(Memberships::map)
			.list();
	}

	boolean holdsCustomRole(RoleId role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM memberships WHERE custom_role_id = ?")
			.param(role.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The users who hold a custom role, in any state. */
	List<UserId> holdersOf(RoleId role) {
		return this.jdbc.sql("SELECT user_id FROM memberships WHERE custom_role_id = ? ORDER BY user_id")
			.param(role.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(UserId::new)
			.toList();
	}

	/**
	 * Changes the availability alone, so that it never overwrites a concurrent change of
	 * role or profile.
	 */
	void setAvailability(WorkspaceId workspace, UserId user, Availability availability) {
		this.jdbc.sql("UPDATE memberships SET availability = ? WHERE workspace_id = ? AND user_id = ?")
			.params(availability.value(), workspace.value(), user.value())
			.update();
	}

	/** A membership's columns, named as the statements above name them. */
	private static MapSqlParameterSource columns(Member member) {
		return new MapSqlParameterSource().addValue("workspace", member.workspaceId().value())
			.addValue("user", member.userId().value())
			.addValue("role", member.role().column())
			.addValue("customRole", uuid(member.role().customRoleId()))
			.addValue("supervisor", UserId.valueOf(member.supervisorId()))
			.addValue("active", member.active())
			.addValue("displayName", member.profile().displayName())
			.addValue("avatar", member.profile().avatarUrl())
			.addValue("availability", member.profile().availability().value())
			.addValue("maxConcurrent", member.profile().maxConcurrent())
			.addValue("at", member.joinedAt().atOffset(ZoneOffset.UTC));
	}

	private static UUID uuid(RoleId id) {
		return (id != null) ? id.value() : null;
	}

	private static Member map(ResultSet row, int number) throws SQLException {
		UUID custom = row.getObject("custom_role_id", UUID.class);
		MemberRole role = (custom != null)
				? new MemberRole(row.getString("custom_name"), null, new RoleId(custom),
						CustomRoles.permissionsOf(row.getString("permissions")))
				: MemberRole.of(Role.parse(row.getString("role")).orElseThrow());
		AgentProfile profile = new AgentProfile(row.getString("display_name"), row.getString("avatar_url"),
				Availability.parse(row.getString("availability")).orElseThrow(), row.getInt("max_concurrent"));
		return new Member(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new UserId(row.getObject("user_id", UUID.class)), row.getString("name"), row.getString("email"), role,
				UserId.ofValue(row.getObject("supervisor_id", UUID.class)), row.getBoolean("active"), profile,
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}

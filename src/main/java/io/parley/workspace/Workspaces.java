package io.parley.workspace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Workspaces {

	private final JdbcClient jdbc;

	Workspaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Workspace workspace) {
		this.jdbc
			// founded with its owner, so it has had its first admin from the start
			.sql("INSERT INTO workspaces (id, name, staff_signup_open, chat_settings, created_at, first_admin_at) "
					+ "VALUES (:id, :name, :open, '{}', :at, :at)")
			.param("id", workspace.id().value())
			.param("name", workspace.name())
			.param("open", workspace.staffSignupOpen())
			.param("at", workspace.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Adds the workspace unless one of its id exists (of concurrent callers, one adds
	 * it); {@code true} when this call added it.
	 */
	boolean addIfAbsent(Workspace workspace) {
		if (find(workspace.id()).isPresent()) {
			return false;
		}
		try {
			add(workspace);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Sets the values given; {@code null} keeps one as it is. Each column is written only
	 * when given, so concurrent changes of different settings do not undo each other.
	 */
	void change(WorkspaceId id, String name, Boolean staffSignupOpen, Boolean requireTwoFactor, ZoneId timeZone) {
		this.jdbc
			.sql("UPDATE workspaces SET name = COALESCE(:name, name), "
					+ "staff_signup_open = COALESCE(:open, staff_signup_open), "
					+ "require_two_factor = COALESCE(:twoFactor, require_two_factor), "
					+ "time_zone = COALESCE(:zone, time_zone) WHERE id = :id")
			.param("name", name)
			.param("open", staffSignupOpen)
			.param("twoFactor", requireTwoFactor)
			.param("zone", (timeZone != null) ? timeZone.getId() : null)
			.param("id", id.value())
			.update();
	}

	/**
	 * Makes the coming admin the workspace's first, once: of concurrent callers exactly
	 * one gets {@code true} (the row is locked by the first, and the others find it set
	 * once it commits; if it rolls back, the next one wins). Decision 47.
	 */
	boolean claimFirstAdmin(WorkspaceId id, Instant now) {
		return this.jdbc.sql("UPDATE workspaces SET first_admin_at = :now WHERE id = :id AND first_admin_at IS NULL")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", id.value())
			.update() == 1;
	}

	/**
	 * Sets whether staff may sign up, while the workspace has no first admin yet (who
	 * decides from then on); {@code false} when it has one.
	 */
	boolean setStaffSignupUntilFirstAdmin(WorkspaceId id, boolean open) {
		return this.jdbc
			.sql("UPDATE workspaces SET staff_signup_open = :open WHERE id = :id AND first_admin_at IS NULL")
			.param("open", open)
			.param("id", id.value())
			.update() == 1;
	}

	Optional<Workspace> find(WorkspaceId id) {
		return this.jdbc
			.sql("SELECT id, name, staff_signup_open, require_two_factor, created_at, time_zone FROM workspaces "
					+ "WHERE id = ?")
			.param(id.value())
			.query((row, number) -> new Workspace(new WorkspaceId(row.getObject("id", UUID.class)),
					row.getString("name"), row.getBoolean("staff_signup_open"), row.getBoolean("require_two_factor"),
					row.getObject("created_at", OffsetDateTime.class).toInstant(), zone(row.getString("time_zone"))))
			.optional();
	}

	/**
	 * The stored zone; one this Java no longer knows (zone ids are retired, rarely) falls
	 * back to UTC rather than failing every read of the workspace.
	 */
	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (java.time.DateTimeException ex) {
			return Workspace.DEFAULT_TIME_ZONE;
		}
	}

}

package io.parley.workspace;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

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
			.sql("INSERT INTO workspaces (id, name, staff_signup_open, chat_settings, created_at) "
					+ "VALUES (:id, :name, :open, '{}', :at)")
			.param("id", workspace.id().value())
			.param("name", workspace.name())
			.param("open", workspace.staffSignupOpen())
			.param("at", workspace.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Sets the values given; {@code null} keeps one as it is. Each column is written only
	 * when given, so concurrent changes of different settings do not undo each other.
	 */
	void change(WorkspaceId id, String name, Boolean staffSignupOpen, Boolean requireTwoFactor) {
		this.jdbc
			.sql("UPDATE workspaces SET name = COALESCE(:name, name), "
					+ "staff_signup_open = COALESCE(:open, staff_signup_open), "
					+ "require_two_factor = COALESCE(:twoFactor, require_two_factor) WHERE id = :id")
			.param("name", name)
			.param("open", staffSignupOpen)
			.param("twoFactor", requireTwoFactor)
			.param("id", id.value())
			.update();
	}

	Optional<Workspace> find(WorkspaceId id) {
		return this.jdbc
			.sql("SELECT id, name, staff_signup_open, require_two_factor, created_at FROM workspaces WHERE id = ?")
			.param(id.value())
			.query((row, number) -> new Workspace(new WorkspaceId(row.getObject("id", UUID.class)),
					row.getString("name"), row.getBoolean("staff_signup_open"), row.getBoolean("require_two_factor"),
					row.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

}

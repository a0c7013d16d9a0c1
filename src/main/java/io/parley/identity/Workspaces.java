package io.parley.identity;

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

	void save(Workspace workspace) {
		this.jdbc.sql("UPDATE workspaces SET name = :name, staff_signup_open = :open WHERE id = :id")
			.param("name", workspace.name())
			.param("open", workspace.staffSignupOpen())
			.param("id", workspace.id().value())
			.update();
	}

	Optional<Workspace> find(WorkspaceId id) {
		return this.jdbc.sql("SELECT id, name, staff_signup_open, created_at FROM workspaces WHERE id = ?")
			.param(id.value())
			.query((row, number) -> new Workspace(new WorkspaceId(row.getObject("id", UUID.class)),
					row.getString("name"), row.getBoolean("staff_signup_open"),
					row.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

}

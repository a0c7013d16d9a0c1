package io.parley.dashboard.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's saved inbox views: a name and the inbox's query (view, status, priority,
 * channel, tag, search), their own and nobody else's.
 */
@Repository
class SavedViews {

	static final int MAX_VIEWS = 20;

	static final int MAX_NAME = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	SavedViews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<SavedView> of(Caller caller) {
		return this.jdbc
			.sql("SELECT id, name, query FROM saved_views WHERE workspace_id = :workspace AND owner_id = :owner "
					+ "ORDER BY created_at, id")
			.param("workspace", caller.workspaceId().value())
			.param("owner", caller.userId().value())
			.query((row, number) -> new SavedView(row.getObject("id", UUID.class).toString(), row.getString("name"),
					row.getString("query")))
			.list();
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a blank or long name, or a member with {@value #MAX_VIEWS} views already
	 */
	@Transactional
	SavedView save(Caller caller, String name, InboxParameters query) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || of(caller).size() >= MAX_VIEWS) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		SavedView view = new SavedView(UUID.randomUUID().toString(), trimmed, query.queryString());
		this.jdbc
			.sql("INSERT INTO saved_views (id, workspace_id, owner_id, name, query, created_at) "
					+ "VALUES (:id, :workspace, :owner, :name, :query, :at)")
			.param("id", UUID.fromString(view.id()))
			.param("workspace", caller.workspaceId().value())
			.param("owner", caller.userId().value())
			.param("name", view.name())
			.param("query", view.query())
			.param("at", Timestamps.now(this.clock).atOffset(ZoneOffset.UTC))
			.update();
		return view;
	}

	/** Deletes one of the caller's views; another's, or none, is not found. */
	void delete(Caller caller, String id) {
		UUID parsed;
		try {
			parsed = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ErrorCode.ROUTE_NOT_FOUND.exception();
		}
		int deleted = this.jdbc
			.sql("DELETE FROM saved_views WHERE id = :id AND workspace_id = :workspace AND owner_id = :owner")
			.param("id", parsed)
			.param("workspace", caller.workspaceId().value())
			.param("owner", caller.userId().value())
			.update();
		if (deleted == 0) {
			throw ErrorCode.ROUTE_NOT_FOUND.exception();
		}
	}

	/** A saved view; {@code query} is the inbox's query string it opens. */
	public record SavedView(String id, String name, String query) {
	}

}

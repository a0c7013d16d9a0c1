package io.parley.canned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The canned responses. A shortcut taken twice in one scope is refused by the database's
 * constraint, so two members racing for it cannot both win.
 */
@Repository
class CannedResponseStore {

	/** The scope of the shared responses: a private response's scope is its owner. */
	private static final UUID SHARED_SCOPE = new UUID(0, 0);

	private static final String COLUMNS = "id, workspace_id, owner_id, visibility, shortcut, title, body, "
			+ "created_at, updated_at";

	private final JdbcClient jdbc;

	CannedResponseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#SHORTCUT_TAKEN}
	 */
	void add(CannedResponse response) {
		try {
			this.jdbc
				.sql("INSERT INTO canned_responses (" + COLUMNS + ", scope_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(response.id().value(), response.workspaceId().value(), response.ownerId().value(),
						response.visibility().value(), response.shortcut(), response.title(), response.body(),
						response.createdAt().atOffset(ZoneOffset.UTC), response.updatedAt().atOffset(ZoneOffset.UTC),
						scope(response))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.SHORTCUT_TAKEN.exception();
		}
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#SHORTCUT_TAKEN}
	 */
	void save(CannedResponse response) {
		try {
			this.jdbc
				.sql("UPDATE canned_responses SET owner_id = ?, visibility = ?, scope_id = ?, shortcut = ?, title = ?,"
						+ " body = ?, updated_at = ? WHERE id = ?")
				.params(response.ownerId().value(), response.visibility().value(), scope(response), response.shortcut(),
						response.title(), response.body(), response.updatedAt().atOffset(ZoneOffset.UTC),
						response.id().value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.SHORTCUT_TAKEN.exception();
		}
	}

	Optional<CannedResponse> find(WorkspaceId workspace, CannedResponseId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM canned_responses WHERE workspace_id = ? AND id = ?")
			.params(workspace.value(), id.value())
			.query(CannedResponseStore::map)
			.optional();
	}

	/**
	 * {@link #find}, the row locked until the transaction ends: edits do not interleave.
	 */
	Optional<CannedResponse> lock(WorkspaceId workspace, CannedResponseId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM canned_responses WHERE workspace_id = ? AND id = ? FOR UPDATE")
			.params(workspace.value(), id.value())
			.query(CannedResponseStore::map)
			.optional();
	}

	void remove(CannedResponse response) {
		this.jdbc.sql("DELETE FROM canned_responses WHERE id = ?").param(response.id().value()).update();
	}

	/**
	 * Up to {@code limit} of the responses the caller sees, by shortcut.
	 * @param text lower-case: a prefix of the shortcut, or a part of the title or body;
	 * {@code null} for all
	 * @param after the end of the previous page, or {@code null} for the first
	 */
	List<CannedResponse> page(Caller caller, String text, CannedResponseCursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
				+ " FROM canned_responses WHERE workspace_id = :workspace AND " + CannedResponseAccess.SEES_SQL);
		if (text != null) {
			sql.append(" AND (shortcut LIKE :prefix ESCAPE '!' OR LOWER(title) LIKE :part ESCAPE '!'"
					+ " OR LOWER(body) LIKE :part ESCAPE '!')");
		}
		if (after != null) {
			sql.append(" AND (shortcut > :afterShortcut OR (shortcut = :afterShortcut AND id > :afterId))");
		}
		sql.append(" ORDER BY shortcut, id LIMIT :limit");
		JdbcClient.StatementSpec query = this.jdbc.sql(sql.toString())
			.param("workspace", caller.workspaceId().value())
			.param("me", caller.userId().value())
			.param("limit", limit);
		if (text != null) {
			String literal = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
			query = query.param("prefix", literal + "%").param("part", "%" + literal + "%");
		}
		if (after != null) {
			query = query.param("afterShortcut", after.shortcut()).param("afterId", after.id());
		}
		return query.query(CannedResponseStore::map).list();
	}

	private static UUID scope(CannedResponse response) {
		return response.isShared() ? SHARED_SCOPE : response.ownerId().value();
	}

	private static CannedResponse map(ResultSet row, int number) throws SQLException {
		return new CannedResponse(new CannedResponseId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new UserId(row.getObject("owner_id", UUID.class)),
				Visibility.parse(row.getString("visibility")).orElseThrow(), row.getString("shortcut"),
				row.getString("title"), row.getString("body"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}

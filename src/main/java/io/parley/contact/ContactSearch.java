package io.parley.contact;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a workspace's contacts page by page, most recently seen first. Pages are cut by
 * key (last seen, then id) rather than by offset, so a page costs the same wherever it is
 * and contacts seen meanwhile neither repeat nor vanish from the pages still to come.
 */
@Repository
class ContactSearch {

	private final JdbcClient jdbc;

	ContactSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param text a case-insensitive part of the name, email or phone, or {@code null}
	 * @param after the end of the previous page, or {@code null} for the first
	 */
	List<Contact> find(WorkspaceId workspace, String text, ContactCursor after, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + Contacts.COLUMNS + " FROM contacts WHERE workspace_id = :workspace");
		if (text != null) {
			sql.append(" AND (LOWER(name) LIKE :text ESCAPE '!' OR LOWER(email) LIKE :text ESCAPE '!'"
					+ " OR phone LIKE :digits ESCAPE '!')");
		}
		if (after != null) {
			sql.append(" AND (last_seen_at < :seen OR (last_seen_at = :seen AND id < :id))");
		}
		sql.append(" ORDER BY last_seen_at DESC, id DESC LIMIT :limit");
		JdbcClient.StatementSpec query = this.jdbc.sql(sql.toString())
			.param("workspace", workspace.value())
			.param("limit", limit);
		if (text != null) {
			// phones are stored without separators: "+1 (555) 010" finds "+1555010..."
			String digits = Identifiers.withoutSeparators(text);
			query = query.param("text", contains(text.toLowerCase(Locale.ROOT)))
				.param("digits", contains(digits.isEmpty() ? text : digits));
		}
		if (after != null) {
			query = query.param("seen", after.lastSeenAt().atOffset(ZoneOffset.UTC)).param("id", after.id().value());
		}
		return query.query(Contacts::map).list();
	}

	private static String contains(String text) {
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}

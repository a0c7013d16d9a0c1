package io.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;

/**
 * The SQL of one inbox page: the conversations the caller may see, filtered, most
 * recently changed first (or inactive longest first), after the cursor's position.
 */
record InboxQuery(String sql, Map<String, Object> params) {

	private static final String SELECT = "SELECT c." + Conversations.COLUMNS.replace(", ", ", c.")
			+ ", ct.name AS contact_name, ct.email AS contact_email, ct.attributes AS contact_attributes, "
			+ "r.last_read_sequence " + "FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
			+ "LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.reader_id = :me "
			+ "WHERE c.workspace_id = :workspace";

	private static final String TEXT = " AND (LOWER(c.subject) LIKE :text ESCAPE '\\'"
			+ " OR LOWER(ct.name) LIKE :text ESCAPE '\\' OR LOWER(ct.email) LIKE :text ESCAPE '\\'"
			+ " OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id"
			+ " AND LOWER(m.content) LIKE :text ESCAPE '\\'";

	/**
	 * @param waitingFirst the conversations inactive longest first (the inbox's "waiting
	 * longest"), instead of the most recently changed
	 * @param now the time snoozes are measured against (decision 83)
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not make
	 */
	static InboxQuery of(Caller caller, InboxFilter filter, String cursor, int rows, boolean waitingFirst,
			Instant now) {
		StringBuilder sql = new StringBuilder(SELECT);
		Map<String, Object> params = new HashMap<>();
		params.put("me", caller.userId().value());
		params.put("workspace", caller.workspaceId().value());
		sql.append(" AND ").append(ConversationAccess.seesSql(caller));
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			sql.append(" AND c.status IN (:statuses)");
			params.put("statuses", filter.statuses().stream().map(ConversationStatus::value).toList());
		}
		if (filter.assignee() != null) {
			switch (filter.assignee()) {
				case ME -> sql.append(" AND c.agent_id = :me");
				case UNASSIGNED -> sql.append(" AND c.agent_id IS NULL");
				case AGENT -> {
					sql.append(" AND c.agent_id = :agent");
					params.put("agent", filter.agentId().value());
				}
				case ANYONE -> {
				}
			}
		}
		if (filter.priority() != null) {
			sql.append(" AND c.priority = :priority");
			params.put("priority", filter.priority().value());
		}
		if (filter.channel() != null) {
			sql.append(" AND c.channel = :channel");
			params.put("channel", filter.channel().value());
		}
		if (filter.tag() != null) {
			sql.append(
					" AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag = :tag)");
			params.put("tag", filter.tag());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			// customers never find a conversation by the words of an internal note
			sql.append(TEXT).append(" AND ").append(ConversationAccess.readsSql(caller)).append("))");
			params.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.sleep() != null && filter.sleep() != InboxFilter.Sleep.ANY) {
			sql.append(" AND ")
				.append(filter.sleep() == InboxFilter.Sleep.AWAKE ? Snoozes.awakeSql("c.") : Snoozes.asleepSql("c."));
			params.put("now", now.atOffset(ZoneOffset.UTC));
		}
		if (cursor != null) {
			Position after = Position.parse(cursor).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
			sql.append(waitingFirst ? " AND (c.updated_at > :at OR (c.updated_at = :at AND c.id > :id))"
					: " AND (c.updated_at < :at OR (c.updated_at = :at AND c.id < :id))");
			params.put("at", after.updatedAt().atOffset(ZoneOffset.UTC));
			params.put("id", after.id());
		}
		sql.append(waitingFirst ? " ORDER BY c.updated_at ASC, c.id ASC LIMIT :rows"
				: " ORDER BY c.updated_at DESC, c.id DESC LIMIT :rows");
		params.put("rows", rows);
		return new InboxQuery(sql.toString(), params);
	}

	/** The cursor of the page that ends with this conversation. */
	static String cursorAfter(Conversation conversation) {
		return new Position(conversation.updatedAt(), conversation.id().value()).encode();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Where a page ended: its last conversation's change time and id. */
	private record Position(Instant updatedAt, UUID id) {

		String encode() {
			String plain = this.updatedAt.toEpochMilli() + ":" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static Optional<Position> parse(String cursor) {
			try {
				String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int colon = plain.indexOf(':');
				return Optional
					.of(new Position(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
							UUID.fromString(plain.substring(colon + 1))))
					.filter((position) -> Timestamps.isStorable(position.updatedAt()));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				return Optional.empty();
			}
		}

	}

}

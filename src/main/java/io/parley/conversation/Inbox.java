package io.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.system.ErrorCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's list of conversations: those the caller may see, filtered, most
 * recently changed first, a page at a time. The cursor names the last conversation of a
 * page by its change time and id, so pages neither skip nor repeat while conversations
 * keep their place.
 */
@Service
public class Inbox {

	public static final int MAX_PAGE = 100;

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final ConversationTags tags;

	private final AssignmentHistory history;

	private final ReadStates reads;

	private final ContactDirectory contacts;

	Inbox(JdbcClient jdbc, Conversations conversations, ConversationTags tags, AssignmentHistory history,
			ReadStates reads, ContactDirectory contacts) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.tags = tags;
		this.history = history;
		this.reads = reads;
		this.contacts = contacts;
	}

	/**
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not make
	 */
	@Transactional(readOnly = true)
	public Page list(Caller caller, InboxFilter filter, String cursor, int limit) {
		StringBuilder sql = new StringBuilder("SELECT c." + Conversations.COLUMNS.replace(", ", ", c.")
				+ ", ct.name AS contact_name, ct.email AS contact_email, r.last_read_sequence "
				+ "FROM conversations c JOIN contacts ct ON ct.id = c.contact_id "
				+ "LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.reader_id = :me "
				+ "WHERE c.workspace_id = :workspace");
		Map<String, Object> params = new HashMap<>();
		params.put("me", caller.userId().value());
		params.put("workspace", caller.workspaceId().value());
		if (!caller.can(Permission.VIEW_ANY_CONVERSATION)) {
			sql.append(" AND (c.supervisor_id = :me OR c.agent_id = :me OR c.candidate_id = :me)");
		}
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
			String notes = caller.can(Permission.WRITE_NOTES) ? "" : " AND m.message_type <> 'note'";
			sql.append(" AND (LOWER(c.subject) LIKE :text ESCAPE '\\' OR LOWER(ct.name) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(ct.email) LIKE :text ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m"
					+ " WHERE m.conversation_id = c.id AND LOWER(m.content) LIKE :text ESCAPE '\\'" + notes + "))");
			params.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
		}
		if (cursor != null) {
			Position after = Position.parse(cursor).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
			sql.append(" AND (c.updated_at < :at OR (c.updated_at = :at AND c.id < :id))");
			params.put("at", after.updatedAt().atOffset(ZoneOffset.UTC));
			params.put("id", after.id());
		}
		sql.append(" ORDER BY c.updated_at DESC, c.id DESC LIMIT :limit");
		params.put("limit", limit + 1);
		List<Row> rows = this.jdbc.sql(sql.toString()).params(params).query(Inbox::row).list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		Map<ConversationId, List<String>> tagsById = this.tags
			.of(page.stream().map((row) -> row.conversation().id()).toList());
		List<InboxItem> items = new ArrayList<>(page.size());
		for (Row row : page) {
			Conversation conversation = row.conversation();
			items.add(new InboxItem(ConversationSnapshot.of(conversation), conversation.contactId().toString(),
					row.contactName(), row.contactEmail(), tagsById.getOrDefault(conversation.id(), List.of()),
					conversation.lastSequence(), Math.max(0, conversation.lastSequence() - row.lastRead())));
		}
		String next = more ? Position.of(page.get(page.size() - 1).conversation()).encode() : null;
		return new Page(items, next);
	}

	/** One conversation with its tags, assignment history and read marks. */
	@Transactional(readOnly = true)
	public Details details(Caller caller, ConversationId id) {
		Conversation conversation = this.conversations.find(caller.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(caller)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Contact contact = this.contacts.find(caller.workspaceId(), conversation.contactId()).orElseThrow();
		return new Details(conversation, contact, this.tags.of(id), this.history.of(id), this.reads.of(id));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Row row(ResultSet row, int number) throws SQLException {
		return new Row(Conversations.map(row, number), row.getString("contact_name"), row.getString("contact_email"),
				row.getLong("last_read_sequence"));
	}

	public record Details(Conversation conversation, Contact contact, List<String> tags, List<Assignment> assignments,
			List<ReadState> reads) {
	}

	/** A page of the inbox; {@code nextCursor} is {@code null} on the last page. */
	public record Page(List<InboxItem> items, String nextCursor) {
	}

	private record Row(Conversation conversation, String contactName, String contactEmail, long lastRead) {
	}

	/** Where a page ended: an opaque, URL-safe cursor. */
	private record Position(Instant updatedAt, UUID id) {

		static Position of(Conversation conversation) {
			return new Position(conversation.updatedAt(), conversation.id().value());
		}

		String encode() {
			String plain = this.updatedAt.toEpochMilli() + ":" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static Optional<Position> parse(String cursor) {
			try {
				String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int colon = plain.indexOf(':');
				return Optional.of(new Position(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
						UUID.fromString(plain.substring(colon + 1))));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				return Optional.empty();
			}
		}

	}

}

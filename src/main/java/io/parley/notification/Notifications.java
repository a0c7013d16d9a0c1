package io.parley.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.conversation.ConversationId;
import io.parley.conversation.Position;
import io.parley.identity.UserId;
import io.parley.system.PageCursor;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the members' notifications. Every lookup names the workspace and the recipient:
 * another member's notification is not found. A notification's dedupe key is unique per
 * recipient (see V23): creating one twice stores it once, and an unread
 * {@code NEW_MESSAGE} is the only one of its conversation.
 */
@Repository
class Notifications {

	private static final String COLUMNS = "id, workspace_id, recipient_id, kind, conversation_id, actor_id, "
			+ "sequence_number, note_number, excerpt, message_count, created_at, updated_at, read_at";

	private static final String MINE = " WHERE workspace_id = :workspace AND recipient_id = :recipient";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the notification unless one with the same key exists already. Two that race
	 * for a key are both looked up as absent, and the database refuses the second: its
	 * transaction fails and is tried again, and finds the first.
	 * @return whether it was stored
	 */
	boolean addOnce(Notification notification, String dedupeKey) {
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND dedupe_key = ?")
			.params(notification.recipientId().value(), dedupeKey)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO notifications (" + COLUMNS + ", dedupe_key) VALUES (:id, :workspace, :recipient, :kind, "
					+ ":conversation, :actor, :sequence, :note, :excerpt, :count, :at, :at, NULL, :key)")
			.param("id", notification.id().value())
			.param("workspace", notification.workspaceId().value())
			.param("recipient", notification.recipientId().value())
			.param("kind", notification.kind().name())
			.param("conversation", notification.conversationId().value())
			.param("actor", UserId.valueOf(notification.actorId()))
			.param("sequence", (notification.position() != null) ? notification.position().sequence() : null)
			.param("note", (notification.position() != null) ? notification.position().note() : null)
			.param("excerpt", notification.excerpt())
			.param("count", notification.count())
			.param("at", notification.createdAt().atOffset(ZoneOffset.UTC))
			.param("key", dedupeKey)
			.update();
		return true;
	}

	/**
	 * Adds customer messages to the member's unread notification under this key.
	 * @return the notification, or empty when there is no unread one
	 */
	Optional<Notification> addMessages(UserId recipient, String dedupeKey, int count, Position last, String excerpt,
			Instant at) {
		int updated = this.jdbc
			.sql("UPDATE notifications SET message_count = message_count + :count, sequence_number = :sequence, "
					+ "note_number = 0, excerpt = :excerpt, updated_at = :at "
					+ "WHERE recipient_id = :recipient AND dedupe_key = :key")
			.param("count", count)
			.param("sequence", last.sequence())
			.param("excerpt", excerpt)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("recipient", recipient.value())
			.param("key", dedupeKey)
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE recipient_id = ? AND dedupe_key = ?")
			.params(recipient.value(), dedupeKey)
			.query(Notifications::map)
			.optional();
	}

	Optional<Notification> find(WorkspaceId workspace, UserId recipient, NotificationId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM notifications" + MINE + " AND id = :id")
			.param("workspace", workspace.value())
			.param("recipient", recipient.value())
			.param("id", id.value())
			.query(Notifications::map)
			.optional();
	}

	/**
	 * The member's notifications, newest first, after the cursor's; unread only if asked.
	 */
	List<Notification> page(WorkspaceId workspace, UserId recipient, boolean unreadOnly, PageCursor before, int limit) {
		String after = (before != null) ? " AND (updated_at < :beforeAt OR (updated_at = :beforeAt AND id < :beforeId))"
				: "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM notifications" + MINE + (unreadOnly ? " AND read_at IS NULL" : "") + after
					+ " ORDER BY updated_at DESC, id DESC LIMIT :limit")
			.param("workspace", workspace.value())
			.param("recipient", recipient.value())
			.param("limit", limit);
		if (before != null) {
			query = query.param("beforeAt", before.at().atOffset(ZoneOffset.UTC)).param("beforeId", before.id());
		}
		return query.query(Notifications::map).list();
	}

	long unreadCount(WorkspaceId workspace, UserId recipient) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications" + MINE + " AND read_at IS NULL")
			.param("workspace", workspace.value())
			.param("recipient", recipient.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the member's notification read, or all their unread ones when {@code id} is
	 * {@code null}; a read {@code NEW_MESSAGE} gives up its key, so the next customer
	 * message starts a new one.
	 * @return how many were unread and are read now
	 */
	int markRead(WorkspaceId workspace, UserId recipient, NotificationId id, Instant at) {
		JdbcClient.StatementSpec update = this.jdbc
			.sql("UPDATE notifications SET read_at = :at, dedupe_key = CASE WHEN kind = 'NEW_MESSAGE' THEN NULL "
					+ "ELSE dedupe_key END" + MINE + " AND read_at IS NULL" + ((id != null) ? " AND id = :id" : ""))
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("workspace", workspace.value())
			.param("recipient", recipient.value());
		return ((id != null) ? update.param("id", id.value()) : update).update();
	}

	private static Notification map(ResultSet row, int number) throws SQLException {
		long sequence = row.getLong("sequence_number");
		Position position = row.wasNull() ? null : new Position(sequence, row.getLong("note_number"));
		OffsetDateTime read = row.getObject("read_at", OffsetDateTime.class);
		return new Notification(new NotificationId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new UserId(row.getObject("recipient_id", UUID.class)),
				NotificationKind.parse(row.getString("kind")).orElseThrow(),
				new ConversationId(row.getObject("conversation_id", UUID.class)),
				UserId.ofValue(row.getObject("actor_id", UUID.class)), position, row.getString("excerpt"),
				row.getInt("message_count"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(),
				(read != null) ? read.toInstant() : null);
	}

}

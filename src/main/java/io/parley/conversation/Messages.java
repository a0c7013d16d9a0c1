package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Messages {

	private static final String SELECT = "SELECT conversation_id, sequence_number, sender_id, sender_role, "
			+ "message_type, content, created_at, edited_at FROM messages ";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Messages(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Inserts the messages in one JDBC batch. */
	void addAll(List<Message> messages) {
		this.batch.batchUpdate(
				"INSERT INTO messages (conversation_id, sequence_number, sender_id, sender_role, "
						+ "message_type, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				messages.stream()
					.map((message) -> new Object[] { message.conversationId().value(), message.sequence(),
							message.senderId().value(), message.senderRole(), message.type().value(), message.content(),
							message.createdAt().atOffset(ZoneOffset.UTC) })
					.toList());
	}

	/** All messages of a conversation in sequence order; notes only when asked for. */
	List<Message> of(ConversationId conversation, boolean withNotes) {
		return this.jdbc.sql(SELECT + "WHERE conversation_id = ?" + notes(withNotes) + " ORDER BY sequence_number")
			.param(conversation.value())
			.query(Messages::map)
			.list();
	}

	List<Message> after(ConversationId conversation, long sequence, int limit, boolean withNotes) {
		return this.jdbc
			.sql(SELECT + "WHERE conversation_id = ? AND sequence_number > ?" + notes(withNotes)
					+ " ORDER BY sequence_number LIMIT ?")
			.params(conversation.value(), sequence, limit)
			.query(Messages::map)
			.list();
	}

	/** The newest messages before {@code sequence}, newest first. */
	List<Message> before(ConversationId conversation, long sequence, int limit, boolean withNotes) {
		return this.jdbc
			.sql(SELECT + "WHERE conversation_id = ? AND sequence_number < ?" + notes(withNotes)
					+ " ORDER BY sequence_number DESC LIMIT ?")
			.params(conversation.value(), sequence, limit)
			.query(Messages::map)
			.list();
	}

	Optional<Message> find(ConversationId conversation, long sequence) {
		return this.jdbc.sql(SELECT + "WHERE conversation_id = ? AND sequence_number = ?")
			.params(conversation.value(), sequence)
			.query(Messages::map)
			.optional();
	}

	void save(Message message) {
		this.jdbc
			.sql("UPDATE messages SET content = ?, edited_at = ? WHERE conversation_id = ? AND sequence_number = ?")
			.params(message.content(), message.editedAt().atOffset(ZoneOffset.UTC), message.conversationId().value(),
					message.sequence())
			.update();
	}

	private static String notes(boolean withNotes) {
		return withNotes ? "" : " AND message_type <> 'note'";
	}

	static Message map(ResultSet row, int number) throws SQLException {
		OffsetDateTime edited = row.getObject("edited_at", OffsetDateTime.class);
		return new Message(new ConversationId(row.getObject("conversation_id", UUID.class)),
				row.getLong("sequence_number"), new UserId(row.getObject("sender_id", UUID.class)),
				row.getString("sender_role"), MessageType.parse(row.getString("message_type")).orElseThrow(),
				row.getString("content"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				(edited != null) ? edited.toInstant() : null);
	}

}

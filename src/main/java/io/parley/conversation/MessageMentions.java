package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores which members each internal note mentions, written with the note in its
 * transaction. Messages that mention no one cost nothing here: no row is written for
 * them, and only notes are looked up when reading.
 */
@Repository
class MessageMentions {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	MessageMentions(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Inserts the mentions of the messages that carry any, in one JDBC batch. */
	void addAll(Collection<Message> messages) {
		List<Object[]> rows = null;
		for (Message message : messages) {
			for (int i = 0; i < message.mentions().size(); i++) {
				rows = (rows != null) ? rows : new ArrayList<>();
				rows.add(new Object[] { message.conversationId().value(), message.sequence(), message.note(), i,
						message.mentions().get(i).value() });
			}
		}
		if (rows != null) {
			this.batch.batchUpdate("INSERT INTO message_mentions (conversation_id, sequence_number, note_number, "
					+ "ordinal, user_id) VALUES (?, ?, ?, ?, ?)", rows);
		}
	}

	/** The messages with the members their notes mention, in the same order. */
	List<Message> attach(List<Message> messages) {
		Map<ConversationId, List<Long>> notes = new LinkedHashMap<>();
		for (Message message : messages) {
			if (message.type() == MessageType.NOTE) {
				notes.computeIfAbsent(message.conversationId(), (id) -> new ArrayList<>()).add(message.note());
			}
		}
		if (notes.isEmpty()) {
			return messages;
		}
		Map<Key, List<UserId>> stored = new LinkedHashMap<>();
		notes.forEach((conversation, numbers) -> this.jdbc
			.sql("SELECT conversation_id, note_number, user_id FROM message_mentions "
					+ "WHERE conversation_id = :conversation AND note_number IN (:notes) ORDER BY note_number, ordinal")
			.param("conversation", conversation.value())
			.param("notes", numbers)
			.query((row, number) -> stored.computeIfAbsent(key(row), (key) -> new ArrayList<>())
				.add(new UserId(row.getObject("user_id", UUID.class))))
			.list());
		if (stored.isEmpty()) {
			return messages;
		}
		return messages.stream().map((message) -> {
			List<UserId> mentioned = (message.type() == MessageType.NOTE)
					? stored.get(new Key(message.conversationId(), message.note())) : null;
			return (mentioned != null) ? message.mentioning(mentioned) : message;
		}).toList();
	}

	private static Key key(ResultSet row) throws SQLException {
		return new Key(new ConversationId(row.getObject("conversation_id", UUID.class)), row.getLong("note_number"));
	}

	private record Key(ConversationId conversation, long note) {
	}

}

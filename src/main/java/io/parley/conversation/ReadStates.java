package io.parley.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far each participant has read each conversation.
 */
@Repository
class ReadStates {

	private final JdbcClient jdbc;

	ReadStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the reader's mark forward to {@code sequence}; never back. Runs under the
	 * conversation's row lock, so a plain read-then-write is safe.
	 */
	ReadState markRead(ConversationId conversation, UserId reader, long sequence, Instant at) {
		List<Long> current = this.jdbc
			.sql("SELECT last_read_sequence FROM conversation_reads WHERE conversation_id = ? AND reader_id = ?")
			.params(conversation.value(), reader.value())
			.query(Long.class)
			.list();
		if (current.isEmpty()) {
			this.jdbc
				.sql("INSERT INTO conversation_reads (conversation_id, reader_id, last_read_sequence, read_at) "
						+ "VALUES (?, ?, ?, ?)")
				.params(conversation.value(), reader.value(), sequence, at.atOffset(ZoneOffset.UTC))
				.update();
			return new ReadState(reader, sequence, at);
		}
		long mark = Math.max(current.get(0), sequence);
		this.jdbc
			.sql("UPDATE conversation_reads SET last_read_sequence = ?, read_at = ? "
					+ "WHERE conversation_id = ? AND reader_id = ?")
			.params(mark, at.atOffset(ZoneOffset.UTC), conversation.value(), reader.value())
			.update();
		return new ReadState(reader, mark, at);
	}

	List<ReadState> of(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT reader_id, last_read_sequence, read_at FROM conversation_reads WHERE conversation_id = ? "
					+ "ORDER BY read_at, reader_id")
			.param(conversation.value())
			.query((row, number) -> new ReadState(new UserId(row.getObject("reader_id", UUID.class)),
					row.getLong("last_read_sequence"), row.getObject("read_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}

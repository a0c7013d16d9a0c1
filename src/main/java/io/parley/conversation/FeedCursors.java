package io.parley.conversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each named consumer of the message log stands.
 */
@Repository
class FeedCursors {

	private static final RowMapper<FeedCursor> CURSOR = (row, number) -> FeedCursor.parse(row.getLong("position"),
			row.getString("gaps"));

	private final JdbcClient jdbc;

	FeedCursors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FeedCursor> find(String consumer) {
		return this.jdbc.sql("SELECT position, gaps FROM message_feed_cursors WHERE consumer = ?")
			.param(consumer)
			.query(CURSOR)
			.optional();
	}

	/**
	 * The consumer's cursor, its row locked until the transaction ends, so that one poll
	 * of a consumer runs at a time on every node.
	 */
	Optional<FeedCursor> lock(String consumer) {
		return this.jdbc.sql("SELECT position, gaps FROM message_feed_cursors WHERE consumer = ? FOR UPDATE")
			.param(consumer)
			.query(CURSOR)
			.optional();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when it exists
	 */
	void add(String consumer, FeedCursor cursor, Instant now) {
		this.jdbc.sql("INSERT INTO message_feed_cursors (consumer, position, gaps, updated_at) VALUES (?, ?, ?, ?)")
			.params(consumer, cursor.position(), cursor.gapsText(), now.atOffset(ZoneOffset.UTC))
			.update();
	}

	void save(String consumer, FeedCursor cursor, Instant now) {
		this.jdbc.sql("UPDATE message_feed_cursors SET position = ?, gaps = ?, updated_at = ? WHERE consumer = ?")
			.params(cursor.position(), cursor.gapsText(), now.atOffset(ZoneOffset.UTC), consumer)
			.update();
	}

}

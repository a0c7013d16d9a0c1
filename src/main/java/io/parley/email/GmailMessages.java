package io.parley.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Gmail messages each Gmail inbox read or sent, by Gmail's id: one is fetched and
 * imported once, and a reply finds its Gmail thread here.
 */
@Repository
class GmailMessages {

	private final JdbcClient jdbc;

	GmailMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean known(UUID inbox, String gmailId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM gmail_messages WHERE inbox_id = ? AND gmail_id = ?")
			.params(inbox, gmailId)
			.query(Long.class)
			.single() > 0;
	}

	/** Notes the message unless it is noted already. */
	void add(UUID inbox, String gmailId, String threadId, String messageId, Instant at) {
		this.jdbc
			.sql("INSERT INTO gmail_messages (inbox_id, gmail_id, thread_id, message_id, created_at) "
					+ "SELECT :inbox, :gmail, :thread, :message, :at FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS "
					+ "(SELECT 1 FROM gmail_messages WHERE inbox_id = :inbox AND gmail_id = :gmail)")
			.param("inbox", inbox)
			.param("gmail", gmailId)
			.param("thread", threadId)
			.param("message", messageId)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The Gmail thread of the mail with this Message-ID. */
	Optional<String> threadOf(UUID inbox, String messageId) {
		return this.jdbc
			.sql("SELECT thread_id FROM gmail_messages WHERE inbox_id = ? AND message_id = ? "
					+ "ORDER BY created_at FETCH FIRST 1 ROWS ONLY")
			.params(inbox, messageId)
			.query(String.class)
			.optional();
	}

}

package io.parley.email;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.conversation.ConversationId;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Message-IDs each mailbox has seen, in and out, and the conversation each became.
 * Rows stay when their conversation goes (decision 92).
 */
@Repository
class EmailMessages {

	private final JdbcClient jdbc;

	EmailMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean known(UUID inbox, String messageId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM email_messages WHERE inbox_id = ? AND message_id = ?")
			.params(inbox, messageId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The conversation of the first of {@code messageIds} the mailbox knows, in the order
	 * given.
	 */
	Optional<ConversationId> conversationOf(UUID inbox, List<String> messageIds) {
		for (String messageId : messageIds) {
			Optional<UUID> found = this.jdbc
				.sql("SELECT conversation_id FROM email_messages WHERE inbox_id = ? AND message_id = ? "
						+ "AND conversation_id IS NOT NULL")
				.params(inbox, messageId)
				.query(UUID.class)
				.optional();
			if (found.isPresent()) {
				return Optional.of(new ConversationId(found.get()));
			}
		}
		return Optional.empty();
	}

	/** The Message-IDs of a conversation, oldest first, for the References of a reply. */
	List<String> thread(UUID inbox, ConversationId conversation) {
		return this.jdbc
			.sql("SELECT message_id FROM email_messages WHERE inbox_id = ? AND conversation_id = ? "
					+ "ORDER BY created_at, sequence_number")
			.params(inbox, conversation.value())
			.query(String.class)
			.list();
	}

	/**
	 * Stores the mail's id; the primary key refuses a second.
	 * @param address who wrote an incoming mail, {@code null} for an outgoing one
	 */
	void add(UUID inbox, WorkspaceId workspace, String messageId, @Nullable ConversationId conversation,
			@Nullable Long sequence, @Nullable String address, @Nullable String subject, boolean automatic,
			Instant at) {
		this.jdbc
			.sql("INSERT INTO email_messages (inbox_id, message_id, workspace_id, conversation_id, sequence_number, "
					+ "outgoing, address, subject, auto_reply, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(inbox, messageId, workspace.value(), (conversation != null) ? conversation.value() : null, sequence,
					address == null, address, subject, automatic, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The conversation's last mail from the customer, which a reply answers. */
	Optional<Incoming> lastIncoming(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT inbox_id, message_id, address, subject, auto_reply FROM email_messages "
					+ "WHERE conversation_id = ? AND NOT outgoing ORDER BY created_at DESC, sequence_number DESC "
					+ "FETCH FIRST 1 ROWS ONLY")
			.param(conversation.value())
			.query((row, number) -> new Incoming(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getString(4), row.getBoolean(5)))
			.optional();
	}

	/** An incoming mail, as a reply needs it. */
	record Incoming(UUID inboxId, String messageId, String address, @Nullable String subject, boolean automatic) {
	}

}

package io.parley.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.conversation.ConversationId;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.MessageDeliveryChanged;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replies waiting to be mailed, each with the Message-ID chosen when it was queued. A
 * reply is taken by one sender at a time (a lease, as the mailboxes' poll), and marked
 * sent once the server took it. Each change of what the staff see of a reply (queued,
 * sent, given up, bounced) is published as a {@link MessageDeliveryChanged}.
 */
@Repository
class EmailOutbox {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	EmailOutbox(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Queues the reply unless it is queued already. */
	boolean add(Reply reply, Instant now) {
		boolean added = this.jdbc
			.sql("INSERT INTO email_outbox (id, inbox_id, workspace_id, conversation_id, sequence_number, "
					+ "message_id, body, state, attempts, next_attempt_at, created_at) SELECT :id, :inbox, :workspace, "
					+ ":conversation, :sequence, :messageId, :body, 'pending', 0, :now, :now FROM (VALUES (1)) AS one (x) "
					+ "WHERE NOT EXISTS (SELECT 1 FROM email_outbox WHERE conversation_id = :conversation "
					+ "AND sequence_number = :sequence)")
			.param("id", reply.id())
			.param("inbox", reply.inboxId())
			.param("workspace", reply.workspaceId().value())
			.param("conversation", reply.conversationId().value())
			.param("sequence", reply.sequence())
			.param("messageId", reply.messageId())
			.param("body", reply.body())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
		if (added) {
			changed(reply, DeliveryState.PENDING);
		}
		return added;
	}

	List<UUID> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id FROM email_outbox WHERE state = 'pending' AND next_attempt_at <= ? "
					+ "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY")
			.param(now.atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.list();
	}

	/** Takes a due reply for this sender until {@code until}; of two racing, one wins. */
	Optional<Reply> take(UUID id, Instant now, Instant until) {
		int taken = this.jdbc
			.sql("UPDATE email_outbox SET lease_until = :until WHERE id = :id AND state = 'pending' "
					+ "AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)")
			.param("until", until.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		if (taken != 1) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT id, inbox_id, workspace_id, conversation_id, sequence_number, message_id, body, attempts "
					+ "FROM email_outbox WHERE id = ?")
			.param(id)
			.query(EmailOutbox::map)
			.optional();
	}

	void sent(Reply reply, Instant at) {
		this.jdbc
			.sql("UPDATE email_outbox SET state = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL, "
					+ "attempts = attempts + 1 WHERE id = ?")
			.params(at.atOffset(ZoneOffset.UTC), reply.id())
			.update();
		changed(reply, DeliveryState.SENT);
	}

	/**
	 * A failed try: again at {@code next}, or given up after the last of
	 * {@link ReplySender#MAX_ATTEMPTS}.
	 */
	void failed(Reply reply, String error, Instant next) {
		int given = this.jdbc
			.sql("UPDATE email_outbox SET attempts = attempts + 1, lease_until = NULL, last_error = ?, "
					+ "next_attempt_at = ?, state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END "
					+ "WHERE id = ?")
			.params(error.substring(0, Math.min(error.length(), 500)), next.atOffset(ZoneOffset.UTC),
					ReplySender.MAX_ATTEMPTS, reply.id())
			.update();
		if (given == 1 && reply.attempts() + 1 >= ReplySender.MAX_ATTEMPTS) {
			changed(reply, DeliveryState.FAILED);
		}
	}

	/** What became of a conversation's replies, by sequence. */
	List<Delivery> of(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc
			.sql("SELECT sequence_number, state, attempts, last_error FROM email_outbox WHERE workspace_id = ? "
					+ "AND conversation_id = ? ORDER BY sequence_number")
			.params(workspace.value(), conversation.value())
			.query((row, number) -> new Delivery(row.getLong(1), DeliveryState.of(row.getString(2)), row.getInt(3),
					row.getString(4)))
			.list();
	}

	/**
	 * Queues a reply that was not delivered again, due now, with a fresh round of tries;
	 * a conditional update, so of two retries at once one queues it, and a reply that is
	 * pending or sent is never queued again (decision 100).
	 * @return whether it was queued
	 */
	boolean retry(WorkspaceId workspace, ConversationId conversation, long sequence, Instant now) {
		boolean queued = this.jdbc
			.sql("UPDATE email_outbox SET state = 'pending', attempts = 0, next_attempt_at = :now, lease_until = NULL, "
					+ "last_error = NULL WHERE workspace_id = :workspace AND conversation_id = :conversation "
					+ "AND sequence_number = :sequence AND state IN ('failed', 'bounced')")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("sequence", sequence)
			.update() == 1;
		if (queued) {
			this.events
				.publishEvent(new MessageDeliveryChanged(workspace, conversation, sequence, DeliveryState.PENDING));
		}
		return queued;
	}

	/**
	 * Marks as bounced the sent reply of the mailbox with one of these Message-IDs.
	 * @return the reply marked, if one was
	 */
	Optional<Delivery> bounced(UUID inbox, List<String> messageIds, String reason) {
		for (String messageId : messageIds) {
			Optional<Reply> sent = this.jdbc
				.sql("SELECT id, inbox_id, workspace_id, conversation_id, sequence_number, message_id, body, attempts "
						+ "FROM email_outbox WHERE inbox_id = ? AND message_id = ? AND state = 'sent'")
				.params(inbox, messageId)
				.query(EmailOutbox::map)
				.optional();
			if (sent.isPresent() && this.jdbc
				.sql("UPDATE email_outbox SET state = 'bounced', last_error = ? WHERE inbox_id = ? AND message_id = ? "
						+ "AND state = 'sent'")
				.params(reason.substring(0, Math.min(reason.length(), 500)), inbox, messageId)
				.update() == 1) {
				changed(sent.get(), DeliveryState.BOUNCED);
				return Optional
					.of(new Delivery(sent.get().sequence(), DeliveryState.BOUNCED, sent.get().attempts(), reason));
			}
		}
		return Optional.empty();
	}

	private void changed(Reply reply, DeliveryState state) {
		this.events.publishEvent(
				new MessageDeliveryChanged(reply.workspaceId(), reply.conversationId(), reply.sequence(), state));
	}

	private static Reply map(ResultSet row, int number) throws SQLException {
		return new Reply(row.getObject("id", UUID.class), row.getObject("inbox_id", UUID.class),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new ConversationId(row.getObject("conversation_id", UUID.class)), row.getLong("sequence_number"),
				row.getString("message_id"), row.getString("body"), row.getInt("attempts"));
	}

	record Reply(UUID id, UUID inboxId, WorkspaceId workspaceId, ConversationId conversationId, long sequence,
			String messageId, String body, int attempts) {
	}

	record Delivery(long sequence, DeliveryState state, int attempts, @Nullable String lastError) {
	}

}

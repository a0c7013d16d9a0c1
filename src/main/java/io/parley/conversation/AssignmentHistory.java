package io.parley.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Seed 004's assignment history: who gave a conversation to whom, when and why.
 */
@Repository
class AssignmentHistory {

	private final JdbcClient jdbc;

	AssignmentHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Kept in the transaction of the assignment. */
	@EventListener
	void on(ConversationAssigned assigned) {
		record(assigned, assigned.at());
	}

	/** The entry's id is the assignment's, which its system message is derived from. */
	private void record(ConversationAssigned assigned, Instant at) {
		this.jdbc.sql(
				"INSERT INTO conversation_assignments (id, conversation_id, agent_id, assigned_by, reason, assigned_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(assigned.id(), assigned.conversationId().value(), UserId.valueOf(assigned.agentId()),
					UserId.valueOf(assigned.assignedBy()), assigned.reason(), at.atOffset(ZoneOffset.UTC))
			.update();
	}

	List<Assignment> of(ConversationId conversation) {
		return this.jdbc
			.sql("SELECT agent_id, assigned_by, reason, assigned_at FROM conversation_assignments "
					+ "WHERE conversation_id = ? ORDER BY assigned_at, id")
			.param(conversation.value())
			.query((row, number) -> {
				return new Assignment(UserId.ofValue(row.getObject("agent_id", UUID.class)),
						UserId.ofValue(row.getObject("assigned_by", UUID.class)), row.getString("reason"),
						row.getObject("assigned_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}

}

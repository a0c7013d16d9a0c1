package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores conversations. The unique {@code active_candidate_id} column holds the candidate
 * while the conversation is active, so the database itself refuses a second active
 * conversation.
 */
@Repository
class Conversations {

	private static final String SELECT = "SELECT id, candidate_id, supervisor_id, agent_id, status, last_sequence, "
			+ "created_at FROM conversations WHERE id = ?";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Conversations(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void add(Conversation conversation) {
		try {
			this.jdbc
				.sql("INSERT INTO conversations (id, candidate_id, supervisor_id, agent_id, status, active_candidate_id, "
						+ "last_sequence, created_at) VALUES (:id, :candidate, :supervisor, NULL, :status, :candidate, 0, :at)")
				.param("id", conversation.id().value())
				.param("candidate", conversation.candidateId().value())
				.param("supervisor", conversation.supervisorId().value())
				.param("status", conversation.status().value())
				.param("at", conversation.createdAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ACTIVE_CONVERSATION_EXISTS.exception();
		}
	}

	Optional<Conversation> find(ConversationId id) {
		return this.jdbc.sql(SELECT).param(id.value()).query(Conversations::map).optional();
	}

	/** Reads the conversation and locks its row until the transaction ends. */
	Optional<Conversation> lock(ConversationId id) {
		return this.jdbc.sql(SELECT + " FOR UPDATE").param(id.value()).query(Conversations::map).optional();
	}

	void save(Conversation conversation) {
		this.jdbc
			.sql("UPDATE conversations SET agent_id = :agent, status = :status, active_candidate_id = :active, "
					+ "last_sequence = :sequence, closed_at = :closedAt WHERE id = :id")
			.param("agent", (conversation.agentId() != null) ? conversation.agentId().value() : null)
			.param("status", conversation.status().value())
			.param("active", conversation.isActive() ? conversation.candidateId().value() : null)
			.param("sequence", conversation.lastSequence())
			.param("closedAt", conversation.isActive() ? null : OffsetDateTime.now(ZoneOffset.UTC))
			.param("id", conversation.id().value())
			.update();
	}

	/**
	 * Reads the conversations and locks their rows, in id order so concurrent writers
	 * cannot deadlock.
	 */
	List<Conversation> lockAll(Collection<ConversationId> ids) {
		return this.jdbc
			.sql("SELECT id, candidate_id, supervisor_id, agent_id, status, last_sequence, created_at "
					+ "FROM conversations WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", ids.stream().map(ConversationId::value).toList())
			.query(Conversations::map)
			.list();
	}

	void saveSequences(Collection<Conversation> conversations) {
		this.batch.batchUpdate("UPDATE conversations SET last_sequence = ? WHERE id = ?",
				conversations.stream()
					.map((conversation) -> new Object[] { conversation.lastSequence(), conversation.id().value() })
					.toList());
	}

	private static Conversation map(ResultSet row, int number) throws SQLException {
		UUID agent = row.getObject("agent_id", UUID.class);
		return new Conversation(new ConversationId(row.getObject("id", UUID.class)),
				new UserId(row.getObject("candidate_id", UUID.class)),
				new UserId(row.getObject("supervisor_id", UUID.class)), (agent != null) ? new UserId(agent) : null,
				ConversationStatus.of(row.getString("status")), row.getLong("last_sequence"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}

package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores conversations. Lookups are scoped to a workspace: another workspace's
 * conversation is not found. The unique {@code (workspace_id, active_candidate_id)} pair
 * holds the candidate while the conversation is active, so the database itself refuses a
 * second active conversation.
 */
@Repository
class Conversations {

	static final String COLUMNS = "id, workspace_id, contact_id, candidate_id, supervisor_id, agent_id, status, "
			+ "channel, priority, subject, page_url, referrer, last_sequence, last_note_number, created_at, updated_at, "
			+ "left_offline, first_response_at, resolved_at, merged_into";

	/** The most conversations one conversation's history reads besides its own. */
	static final int MAX_MERGED = 100;

	private static final String SELECT = "SELECT " + COLUMNS + " FROM conversations WHERE workspace_id = ? AND id = ?";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ApplicationEventPublisher events;

	Conversations(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.events = events;
	}

	/** Stores a new conversation and publishes what it recorded. */
	void add(Conversation conversation) {
		try {
			this.jdbc
				.sql("INSERT INTO conversations (" + COLUMNS + ", active_candidate_id) VALUES (:id, :workspace, "
						+ ":contact, :candidate, :supervisor, :agent, :status, :channel, :priority, :subject, "
						+ ":pageUrl, :referrer, 0, 0, :at, :at, :offline, NULL, NULL, NULL, :candidate)")
				.param("id", conversation.id().value())
				.param("workspace", conversation.workspaceId().value())
				.param("contact", conversation.contactId().value())
				.param("candidate", UserId.valueOf(conversation.candidateId()))
				.param("supervisor", UserId.valueOf(conversation.supervisorId()))
				.param("agent", UserId.valueOf(conversation.agentId()))
				.param("status", conversation.status().value())
				.param("channel", conversation.channel().value())
				.param("priority", conversation.priority().value())
				.param("subject", conversation.context().subject())
				.param("pageUrl", conversation.context().pageUrl())
				.param("referrer", conversation.context().referrer())
				.param("at", conversation.createdAt().atOffset(ZoneOffset.UTC))
				.param("offline", conversation.leftOffline())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ACTIVE_CONVERSATION_EXISTS.exception();
		}
		publish(conversation);
	}

	Optional<Conversation> find(WorkspaceId workspace, ConversationId id) {
		return this.jdbc.sql(SELECT).params(workspace.value(), id.value()).query(Conversations::map).optional();
	}

	void describe(WorkspaceId workspace, ConversationId id, String attributes) {
		this.jdbc.sql("UPDATE conversations SET attributes = ? WHERE workspace_id = ? AND id = ?")
			.params(attributes, workspace.value(), id.value())
			.update();
	}

	String attributes(WorkspaceId workspace, ConversationId id) {
		return this.jdbc.sql("SELECT attributes FROM conversations WHERE workspace_id = ? AND id = ?")
			.params(workspace.value(), id.value())
			.query((row, number) -> row.getString(1))
			.optional()
			.orElse(null);
	}

	/** A contact's conversations, newest first, at most {@code limit}. */
	List<Conversation> ofContact(WorkspaceId workspace, ContactId contact, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversations WHERE workspace_id = ? AND contact_id = ? "
					+ "ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(workspace.value(), contact.value(), limit)
			.query(Conversations::map)
			.list();
	}

	/** Reads the conversation and locks its row until the transaction ends. */
	Optional<Conversation> lock(WorkspaceId workspace, ConversationId id) {
		return this.jdbc.sql(SELECT + " FOR UPDATE")
			.params(workspace.value(), id.value())
			.query(Conversations::map)
			.optional();
	}

	/** Stores the conversation's state and publishes what it recorded since. */
	void save(Conversation conversation) {
		this.jdbc
			.sql("UPDATE conversations SET agent_id = :agent, status = :status, priority = :priority, "
					+ "active_candidate_id = :active, last_sequence = :sequence, last_note_number = :note, "
					+ "updated_at = :updatedAt, closed_at = :closedAt, first_response_at = :firstResponse, "
					+ "resolved_at = :resolved, merged_into = :mergedInto WHERE id = :id")
			.param("agent", UserId.valueOf(conversation.agentId()))
			.param("status", conversation.status().value())
			.param("priority", conversation.priority().value())
			.param("active", conversation.isActive() ? UserId.valueOf(conversation.candidateId()) : null)
			.param("sequence", conversation.lastSequence())
			.param("note", conversation.lastNote())
			.param("updatedAt", conversation.updatedAt().atOffset(ZoneOffset.UTC))
			.param("closedAt", conversation.isActive() ? null : conversation.updatedAt().atOffset(ZoneOffset.UTC))
			.param("firstResponse", utc(conversation.firstResponseAt()))
			.param("resolved", utc(conversation.resolvedAt()))
			.param("mergedInto", (conversation.mergedInto() != null) ? conversation.mergedInto().value() : null)
			.param("id", conversation.id().value())
			.update();
		publish(conversation);
	}

	private List<Object> publish(Conversation conversation) {
		List<Object> released = conversation.releaseEvents();
		released.forEach(this.events::publishEvent);
		return released;
	}

	/**
	 * Reads the conversations, of any workspace, and locks their rows, in id order so
	 * concurrent writers cannot deadlock.
	 */
	List<Conversation> lockAll(Collection<ConversationId> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", ids.stream().map(ConversationId::value).toList())
			.query(Conversations::map)
			.list();
	}

	/**
	 * The workspace's active conversations assigned to the agent, locked, in id order.
	 */
	List<Conversation> lockAssignedTo(WorkspaceId workspace, UserId agent) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversations WHERE workspace_id = ? AND agent_id = ? "
					+ "AND status <> 'closed' ORDER BY id FOR UPDATE")
			.params(workspace.value(), agent.value())
			.query(Conversations::map)
			.list();
	}

	/**
	 * Writes what appending messages changes, the numbering, status and activity time,
	 * and publishes what the conversations recorded.
	 * @return what was published, in order
	 */
	List<Object> saveAppended(Collection<Conversation> conversations) {
		this.batch.batchUpdate(
				"UPDATE conversations SET last_sequence = ?, last_note_number = ?, status = ?, updated_at = ?, "
						+ "first_response_at = ? WHERE id = ?",
				conversations.stream()
					.map((conversation) -> new Object[] { conversation.lastSequence(), conversation.lastNote(),
							conversation.status().value(), conversation.updatedAt().atOffset(ZoneOffset.UTC),
							utc(conversation.firstResponseAt()), conversation.id().value() })
					.toList());
		List<Object> published = new ArrayList<>();
		conversations.forEach((conversation) -> published.addAll(publish(conversation)));
		return published;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static UserId userId(ResultSet row, String column) throws SQLException {
		return UserId.ofValue(row.getObject(column, UUID.class));
	}

	static Conversation map(ResultSet row, int number) throws SQLException {
		return new Conversation(new ConversationId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)), userId(row, "candidate_id"),
				userId(row, "supervisor_id"), userId(row, "agent_id"), ConversationStatus.of(row.getString("status")),
				Channel.parse(row.getString("channel")).orElseThrow(),
				Priority.parse(row.getString("priority")).orElseThrow(),
				new Conversation.Context(row.getString("subject"), row.getString("page_url"),
						row.getString("referrer")),
				row.getLong("last_sequence"), row.getLong("last_note_number"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getBoolean("left_offline"),
				instant(row.getObject("first_response_at", OffsetDateTime.class)),
				instant(row.getObject("resolved_at", OffsetDateTime.class)), conversationId(row, "merged_into"));
	}

	private static ConversationId conversationId(ResultSet row, String column) throws SQLException {
		UUID value = row.getObject(column, UUID.class);
		return (value != null) ? new ConversationId(value) : null;
	}

	/**
	 * The conversations merged into these, and into those, and so on: every conversation
	 * whose history the first ones show, without them.
	 */
	List<ConversationId> mergedInto(WorkspaceId workspace, ConversationId conversation) {
		List<ConversationId> found = new ArrayList<>();
		List<ConversationId> round = List.of(conversation);
		// a merge closes the merged conversation, which takes no merge after: no cycles
		while (!round.isEmpty() && found.size() < MAX_MERGED) {
			round = this.jdbc
				.sql("SELECT id FROM conversations WHERE workspace_id = :workspace AND merged_into IN (:ids) "
						+ "ORDER BY id")
				.param("workspace", workspace.value())
				.param("ids", round.stream().map(ConversationId::value).toList())
				.query((row, number) -> new ConversationId(row.getObject(1, UUID.class)))
				.list();
			found.addAll(round);
		}
		return found;
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

}

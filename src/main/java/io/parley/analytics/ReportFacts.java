package io.parley.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.conversation.ConversationClocks;
import io.parley.workspace.MembershipGrants;
import io.parley.workspace.Permission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reports count, read from the conversations of one workspace within a scope
 * (see {@link ReportScope}): one row per event in the range, with the conversation's
 * agent. Bounded by the range (at most {@link ReportRange#MAX_DAYS} days) and summarised
 * in Java, so that medians and percentiles are the same on H2 and PostgreSQL.
 */
@Repository
class ReportFacts {

	private static final String CONVERSATIONS = " FROM conversations c WHERE c.workspace_id = :workspace AND ";

	private final JdbcClient jdbc;

	ReportFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Conversations created in the range: when. */
	List<Instant> created(Query query) {
		return this.jdbc
			.sql("SELECT " + ConversationClocks.startedAt("c") + " AS at" + CONVERSATIONS
					+ ConversationClocks.startedAt("c") + " >= :start AND " + ConversationClocks.startedAt("c")
					+ " < :end AND " + query.scope().sql())
			.params(query.params())
			.query((row, number) -> instant(row, "at"))
			.list();
	}

	/** First responses in the range: when, and how long after the conversation began. */
	List<Clocked> firstResponses(Query query) {
		String stopped = ConversationClocks.firstResponseAt("c");
		return clocked(query, stopped, stopped + " >= :start AND " + stopped + " < :end");
	}

	/** Resolutions in the range: when, and how long after the conversation began. */
	List<Clocked> resolutions(Query query) {
		String stopped = ConversationClocks.resolvedAt("c");
		// the plain column first, which the index on it serves
		return clocked(query, stopped,
				"c.resolved_at >= :start AND c.resolved_at < :end AND " + stopped + " IS NOT NULL");
	}

	/** Ratings given in the range: when, and the score. */
	List<Rated> ratings(Query query) {
		return this.jdbc
			.sql("SELECT r.rated_at, r.score, c.agent_id FROM conversation_ratings r "
					+ "JOIN conversations c ON c.id = r.conversation_id "
					+ "WHERE r.workspace_id = :workspace AND c.workspace_id = :workspace "
					+ "AND r.rated_at >= :start AND r.rated_at < :end AND " + query.scope().sql())
			.params(query.params())
			.query((row, number) -> new Rated(instant(row, "rated_at"), row.getInt("score"),
					row.getObject("agent_id", UUID.class)))
			.list();
	}

	/**
	 * The members in scope allowed to handle conversations, whatever their role is called
	 * (custom roles count), deactivated ones too: by name, then id.
	 */
	List<Agent> agents(Query query) {
		return this.jdbc
			.sql("SELECT m.user_id, COALESCE(m.display_name, u.name) AS name FROM memberships m "
					+ "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = :workspace AND "
					+ MembershipGrants.grants(Permission.HANDLE_CONVERSATIONS, "m") + " AND " + query.scope().members())
			.params(query.params())
			.query((row, number) -> new Agent(row.getObject("user_id", UUID.class), row.getString("name")))
			.list()
			.stream()
			.sorted(Comparator.comparing(Agent::name, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Agent::id))
			.toList();
	}

	private List<Clocked> clocked(Query query, String stopped, String inRange) {
		return this.jdbc
			.sql("SELECT " + stopped + " AS stopped_at, " + ConversationClocks.startedAt("c")
					+ " AS started_at, c.agent_id" + CONVERSATIONS + inRange + " AND " + query.scope().sql())
			.params(query.params())
			.query((row, number) -> {
				Instant stoppedAt = instant(row, "stopped_at");
				return new Clocked(stoppedAt, stoppedAt.toEpochMilli() - instant(row, "started_at").toEpochMilli(),
						row.getObject("agent_id", UUID.class));
			})
			.list();
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** The workspace, the scope and the range's instants of one report. */
	record Query(UUID workspace, ReportScope scope, Instant start, Instant end) {

		Map<String, Object> params() {
			Map<String, Object> params = new HashMap<>(this.scope.params());
			params.put("workspace", this.workspace);
			params.put("start", this.start.atOffset(ZoneOffset.UTC));
			params.put("end", this.end.atOffset(ZoneOffset.UTC));
			return params;
		}

	}

	/**
	 * A clock that stopped in the range.
	 *
	 * @param agent the conversation's agent now, or {@code null}
	 */
	record Clocked(Instant stoppedAt, long millis, UUID agent) {
	}

	record Agent(UUID id, String name) {
	}

	/**
	 * A rating given in the range, with the conversation's agent now, or {@code null}.
	 */
	record Rated(Instant ratedAt, int score, UUID agent) {
	}

}

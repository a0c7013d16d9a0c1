package io.parley.analytics;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model over users and conversations, answered by one query rather than by loading
 * every user and conversation through the owning modules.
 */
@Service
public class TeamAnalytics {

	private static final String QUERY = """
			SELECT s.id, s.name,
			  (SELECT COUNT(*) FROM users a WHERE a.role = 'agent' AND a.supervisor_id = s.id) AS agents,
			  (SELECT COUNT(*) FROM conversations c JOIN users a ON c.agent_id = a.id
			    WHERE a.supervisor_id = s.id AND c.status = 'closed') AS handled
			FROM users s WHERE s.role = 'supervisor'
			ORDER BY s.created_at, s.id
			""";

	private final JdbcClient jdbc;

	TeamAnalytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<SupervisorPerformance> bySupervisor() {
		return this.jdbc.sql(QUERY)
			.query((row, number) -> new SupervisorPerformance(row.getObject("id").toString(), row.getString("name"),
					row.getLong("agents"), row.getLong("handled")))
			.list();
	}

}

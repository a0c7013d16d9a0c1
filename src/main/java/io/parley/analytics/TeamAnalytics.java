package io.parley.analytics;

import java.util.List;

import io.parley.workspace.MembershipGrants;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model over a workspace's members and conversations, answered by one query rather
 * than by loading every user and conversation through the owning modules. Who counts as a
 * supervisor or an agent is asked of {@link MembershipGrants}.
 */
@Service
public class TeamAnalytics {

	/**
	 * Supervisors are the members who may give conversations to agents, agents those who
	 * may be given them, whatever their role is called, so custom roles count too.
	 */
	private static final String QUERY = """
			SELECT s.user_id, u.name,
			  (SELECT COUNT(*) FROM memberships a WHERE a.workspace_id = s.workspace_id AND a.supervisor_id = s.user_id
			    AND %s) AS agents,
			  (SELECT COUNT(*) FROM conversations c
			    JOIN memberships a ON a.workspace_id = c.workspace_id AND a.user_id = c.agent_id
			    WHERE c.workspace_id = s.workspace_id AND a.supervisor_id = s.user_id AND c.status = 'closed') AS handled
			FROM memberships s JOIN users u ON u.id = s.user_id
			WHERE s.workspace_id = ? AND %s
			ORDER BY s.created_at, s.user_id
			"""
		.formatted(MembershipGrants.grants(Permission.HANDLE_CONVERSATIONS, "a"),
				MembershipGrants.grants(Permission.ASSIGN_CONVERSATION, "s"));

	private final JdbcClient jdbc;

	TeamAnalytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<SupervisorPerformance> bySupervisor(WorkspaceId workspace) {
		return this.jdbc.sql(QUERY)
			.param(workspace.value())
			.query((row, number) -> new SupervisorPerformance(row.getObject("user_id").toString(),
					row.getString("name"), row.getLong("agents"), row.getLong("handled")))
			.list();
	}

}

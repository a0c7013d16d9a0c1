package io.parley.analytics;

import java.util.Map;

import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

/**
 * Which conversations and agents a caller's reports count (decision 88): members who see
 * every conversation count the whole workspace; others (a supervisor) their team, as seed
 * 003's analytics groups it: the conversations sent to them, assigned to them, or
 * assigned to an agent they supervise, and those agents.
 *
 * @param sql a condition on {@code conversations c}
 * @param members a condition on {@code memberships m}, the agents whose rows are shown
 */
record ReportScope(String sql, String members, Map<String, Object> params) {

	static final ReportScope WORKSPACE = new ReportScope("TRUE", "TRUE", Map.of());

	static ReportScope of(Caller caller) {
		if (caller.can(Permission.VIEW_ANY_CONVERSATION)) {
			return WORKSPACE;
		}
		return new ReportScope(
				"(c.supervisor_id = :me OR c.agent_id = :me OR c.agent_id IN (SELECT t.user_id FROM memberships t "
						+ "WHERE t.workspace_id = c.workspace_id AND t.supervisor_id = :me))",
				"(m.user_id = :me OR m.supervisor_id = :me)", Map.of("me", caller.userId().value()));
	}

}

package io.parley.analytics;

import io.parley.identity.UserId;

/**
 * One agent's row of the reports: the overview's numbers restricted to the conversations
 * assigned to the agent (docs/reports.md).
 *
 * @param name the member's display name, else their account's name
 * @param handled the conversations resolved in the range while assigned to the agent
 * @param firstResponse over the first responses in the range
 * @param resolution over the conversations handled
 * @param satisfaction over the ratings given in the range
 */
public record AgentFigures(UserId agentId, String name, long handled, DurationSummary firstResponse,
		DurationSummary resolution, Satisfaction satisfaction) {
}

package io.parley.analytics;

import java.time.ZoneId;
import java.util.List;

/**
 * The reports' table per agent over a range: a row for each member allowed to handle
 * conversations who has a conversation in any of its numbers, by name.
 */
public record AgentsReport(ReportRange range, ZoneId timeZone, List<AgentFigures> agents) {
}

package io.parley.analytics;

/**
 * One supervisor's team: how many agents report to them, and how many conversations those
 * agents have closed.
 */
public record SupervisorPerformance(String supervisorId, String supervisorName, long agents,
		long conversationsHandled) {
}

package io.parley.analytics;

/**
 * A report's numbers over a day or a whole range (docs/reports.md defines each):
 * conversations created and resolved in it, the first response times of the first
 * responses in it, the resolution times of the resolutions in it, and the ratings given
 * in it.
 */
public record ReportFigures(long created, long resolved, DurationSummary firstResponse, DurationSummary resolution,
		Satisfaction satisfaction) {
}

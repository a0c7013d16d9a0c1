package io.parley.analytics;

import java.time.ZoneId;
import java.util.List;

/**
 * The reports' overview: the numbers of the whole range, and those of each of its days in
 * order, every day present (a day without conversations has zeros and {@code null}s), for
 * charts.
 *
 * @param timeZone the workspace's, in which the days are counted
 */
public record ReportOverview(ReportRange range, ZoneId timeZone, ReportFigures total, List<DailyFigures> days) {
}

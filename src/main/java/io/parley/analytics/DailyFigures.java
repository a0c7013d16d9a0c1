package io.parley.analytics;

import java.time.LocalDate;

/** A report's numbers for one local day of the workspace. */
public record DailyFigures(LocalDate date, ReportFigures figures) {
}

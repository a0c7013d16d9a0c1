package io.parley.dashboard.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.parley.analytics.AgentFigures;
import io.parley.analytics.AgentsReport;
import io.parley.analytics.DailyFigures;
import io.parley.analytics.DurationSummary;
import io.parley.analytics.ReportFigures;
import io.parley.analytics.ReportOverview;
import io.parley.analytics.Satisfaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the reports page shows of a range: the totals as figure cards, a chart and a table
 * row per day, and a row per agent, every number written for the member
 * ({@link ReportFormat}). Each chart's data is JSON for the page's script, which reads it
 * from an attribute: the pages' Content-Security-Policy runs no inline script.
 */
public record ReportPage(String from, String to, String fromText, String toText, List<FigureCard> cards,
		List<Chart> charts, List<DayRow> days, List<AgentRow> agents) {

	static ReportPage of(ReportOverview overview, AgentsReport agents, ReportFormat format, JsonMapper json) {
		ReportFigures total = overview.total();
		List<FigureCard> cards = List.of(new FigureCard("created", String.valueOf(total.created()), ""),
				new FigureCard("resolved", String.valueOf(total.resolved()), ""),
				new FigureCard("firstResponseMedian", format.duration(total.firstResponse().median()),
						format.message("reports.card.count", total.firstResponse().count())),
				new FigureCard("firstResponseP90", format.duration(total.firstResponse().p90()),
						format.message("reports.card.count", total.firstResponse().count())),
				new FigureCard("resolutionMedian", format.duration(total.resolution().median()),
						format.message("reports.card.p90", format.duration(total.resolution().p90()))),
				new FigureCard("csat", format.share(total.satisfaction()), csatDetail(total.satisfaction(), format)));
		List<DailyFigures> days = overview.days();
		List<String> labels = days.stream().map((day) -> day.date().toString()).toList();
		List<Chart> charts = List.of(
				chart("conversations", "count", labels, json,
						series(format.message("reports.series.created"), days, (f) -> f.created()),
						series(format.message("reports.series.resolved"), days, (f) -> f.resolved())),
				durationChart("firstResponse", labels, days, ReportFigures::firstResponse, format, json),
				durationChart("resolution", labels, days, ReportFigures::resolution, format, json),
				chart("csat", "percent", labels, json, series(format.message("reports.series.csat"), days,
						(f) -> percent(f.satisfaction().satisfiedShare()))));
		List<DayRow> rows = days.stream()
			.map((day) -> new DayRow(day.date().toString(), day.figures().created(), day.figures().resolved(),
					format.duration(day.figures().firstResponse().median()),
					format.duration(day.figures().resolution().median()), format.share(day.figures().satisfaction())))
			.toList();
		List<AgentRow> agentRows = agents.agents().stream().map((agent) -> AgentRow.of(agent, format)).toList();
		return new ReportPage(overview.range().from().toString(), overview.range().to().toString(),
				format.date(overview.range().from()), format.date(overview.range().to()), cards, charts, rows,
				agentRows);
	}

	private static String csatDetail(Satisfaction satisfaction, ReportFormat format) {
		if (satisfaction.ratings() == 0) {
			return format.message("reports.card.noRatings");
		}
		return format.message("reports.card.csatDetail", satisfaction.satisfied(), satisfaction.ratings(),
				format.average(satisfaction));
	}

	private static Chart durationChart(String name, List<String> labels, List<DailyFigures> days,
			Function<ReportFigures, DurationSummary> clock, ReportFormat format, JsonMapper json) {
		return chart(name, "duration", labels, json,
				series(format.message("reports.series.median"), days, (f) -> seconds(clock.apply(f).median())),
				series(format.message("reports.series.p90"), days, (f) -> seconds(clock.apply(f).p90())));
	}

	@SafeVarargs
	private static Chart chart(String name, String unit, List<String> labels, JsonMapper json,
			Map<String, Object>... series) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("unit", unit);
		data.put("labels", labels);
		data.put("series", List.of(series));
		return new Chart(name, json.writeValueAsString(data));
	}

	private static Map<String, Object> series(String label, List<DailyFigures> days,
			Function<ReportFigures, @Nullable Number> value) {
		List<@Nullable Number> values = new ArrayList<>();
		days.forEach((day) -> values.add(value.apply(day.figures())));
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("values", values);
		return series;
	}

	private static @Nullable Double seconds(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() / 1000.0 : null;
	}

	private static @Nullable Double percent(@Nullable Double share) {
		return (share != null) ? share * 100 : null;
	}

	/**
	 * A total: its label's key ({@code reports.card.<name>}), the value, a detail line.
	 */
	public record FigureCard(String name, String value, String detail) {
	}

	/**
	 * A chart of the days: its title's key ({@code reports.chart.<name>}) and its data:
	 * {@code {"unit": "count"|"duration"|"percent", "labels": [ISO dates], "series":
	 * [{"label", "values": [number or null per day]}]}}, durations in seconds.
	 */
	public record Chart(String name, String data) {
	}

	/** A day of the table under the charts, the same numbers as text. */
	public record DayRow(String date, long created, long resolved, String firstResponse, String resolution,
			String csat) {
	}

	/**
	 * An agent's row; each number also as a sort key (milliseconds, a share), -1 where
	 * there is none, so the table sorts without reading the texts.
	 */
	public record AgentRow(String name, long handled, String firstResponse, long firstResponseKey, String resolution,
			long resolutionKey, String csat, double csatKey) {

		static AgentRow of(AgentFigures agent, ReportFormat format) {
			return new AgentRow(agent.name(), agent.handled(), format.duration(agent.firstResponse().median()),
					key(agent.firstResponse().median()), format.duration(agent.resolution().median()),
					key(agent.resolution().median()), format.share(agent.satisfaction()),
					(agent.satisfaction().satisfiedShare() != null) ? agent.satisfaction().satisfiedShare() : -1);
		}

		private static long key(@Nullable Duration duration) {
			return (duration != null) ? duration.toMillis() : -1;
		}

	}

}

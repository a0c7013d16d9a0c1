package io.parley.analytics.web;

import java.time.Duration;
import java.util.List;

import io.parley.analytics.AgentFigures;
import io.parley.analytics.AgentsReport;
import io.parley.analytics.DailyFigures;
import io.parley.analytics.DurationSummary;
import io.parley.analytics.ReportFigures;
import io.parley.analytics.ReportOverview;
import io.parley.analytics.Satisfaction;

/**
 * The reports as JSON: dates as {@code yyyy-MM-dd}, durations in seconds with
 * milliseconds, numbers a chart plots as they are.
 */
final class ReportViews {

	private ReportViews() {
	}

	static OverviewView of(ReportOverview overview) {
		return new OverviewView(overview.range().from().toString(), overview.range().to().toString(),
				overview.timeZone().getId(), figures(overview.total()),
				overview.days().stream().map(ReportViews::day).toList());
	}

	static AgentsView of(AgentsReport report) {
		return new AgentsView(report.range().from().toString(), report.range().to().toString(),
				report.timeZone().getId(), report.agents().stream().map(ReportViews::agent).toList());
	}

	private static FiguresView figures(ReportFigures figures) {
		return new FiguresView(figures.created(), figures.resolved(), clock(figures.firstResponse()),
				clock(figures.resolution()), csat(figures.satisfaction()));
	}

	private static DayView day(DailyFigures day) {
		ReportFigures figures = day.figures();
		return new DayView(day.date().toString(), figures.created(), figures.resolved(), clock(figures.firstResponse()),
				clock(figures.resolution()), csat(figures.satisfaction()));
	}

	private static AgentView agent(AgentFigures agent) {
		return new AgentView(agent.agentId().toString(), agent.name(), agent.handled(), clock(agent.firstResponse()),
				clock(agent.resolution()), csat(agent.satisfaction()));
	}

	private static ClockView clock(DurationSummary summary) {
		return new ClockView(summary.count(), seconds(summary.median()), seconds(summary.p90()));
	}

	private static CsatView csat(Satisfaction satisfaction) {
		return new CsatView(satisfaction.ratings(), satisfaction.satisfied(), satisfaction.satisfiedShare(),
				satisfaction.averageScore());
	}

	private static Double seconds(Duration duration) {
		return (duration != null) ? duration.toMillis() / 1000.0 : null;
	}

	record OverviewView(String from, String to, String timeZone, FiguresView total, List<DayView> days) {
	}

	record FiguresView(long conversationsCreated, long conversationsResolved, ClockView firstResponse,
			ClockView resolution, CsatView csat) {
	}

	record DayView(String date, long conversationsCreated, long conversationsResolved, ClockView firstResponse,
			ClockView resolution, CsatView csat) {
	}

	record ClockView(long count, Double medianSeconds, Double p90Seconds) {
	}

	record CsatView(long ratings, long satisfied, Double satisfiedShare, Double averageScore) {
	}

	record AgentsView(String from, String to, String timeZone, List<AgentView> agents) {
	}

	record AgentView(String agentId, String name, long conversationsHandled, ClockView firstResponse,
			ClockView resolution, CsatView csat) {
	}

}

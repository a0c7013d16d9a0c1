package io.parley.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.analytics.ReportFacts.Query;
import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of issue 12: conversations per day, first response and resolution times and
 * CSAT over a range of local days, and the same per agent. Every number is defined in
 * docs/reports.md. Each needs {@code reports.view}; what a caller's reports count is
 * {@link ReportScope}'s rule.
 * <p>
 * A page calls {@link #range} with the query's {@code from} and {@code to}, then
 * {@link #overview} and {@link #agents} with the range it got.
 */
@Service
public class Reports {

	private final ReportFacts facts;

	private final WorkspaceAccess workspaces;

	private final Clock clock;

	Reports(ReportFacts facts, WorkspaceAccess workspaces, Clock clock) {
		this.facts = facts;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/**
	 * The range of {@code from} and {@code to} (ISO dates, each optional: see
	 * {@link ReportRange#parse}), today being today in the workspace's time zone.
	 * @throws io.parley.system.ParleyException {@code FORBIDDEN} without
	 * {@code reports.view}, {@code INVALID_REQUEST_SCHEMA} for a bad range
	 */
	@Transactional(readOnly = true)
	public ReportRange range(Caller caller, String from, String to) {
		caller.require(Permission.VIEW_REPORTS);
		return ReportRange.parse(from, to, LocalDate.ofInstant(this.clock.instant(), zone(caller)));
	}

	/** The numbers of the range and of each of its days. */
	@Transactional(readOnly = true)
	public ReportOverview overview(Caller caller, ReportRange range) {
		caller.require(Permission.VIEW_REPORTS);
		ZoneId zone = zone(caller);
		Query query = query(caller, range, zone);
		Map<LocalDate, Tally> days = new LinkedHashMap<>();
		range.days().forEach((day) -> days.put(day, new Tally()));
		Tally total = new Tally();
		this.facts.created(query).forEach((at) -> {
			total.created++;
			days.get(LocalDate.ofInstant(at, zone)).created++;
		});
		this.facts.firstResponses(query).forEach((clocked) -> {
			total.firstResponses.add(clocked.millis());
			days.get(LocalDate.ofInstant(clocked.stoppedAt(), zone)).firstResponses.add(clocked.millis());
		});
		this.facts.resolutions(query).forEach((clocked) -> {
			total.resolutions.add(clocked.millis());
			days.get(LocalDate.ofInstant(clocked.stoppedAt(), zone)).resolutions.add(clocked.millis());
		});
		this.facts.ratings(query).forEach((rated) -> {
			total.scores.add(rated.score());
			days.get(LocalDate.ofInstant(rated.ratedAt(), zone)).scores.add(rated.score());
		});
		List<DailyFigures> daily = new ArrayList<>();
		days.forEach((day, tally) -> daily.add(new DailyFigures(day, tally.figures())));
		return new ReportOverview(range, zone, total.figures(), daily);
	}

	/** The table per agent over the range. */
	@Transactional(readOnly = true)
	public AgentsReport agents(Caller caller, ReportRange range) {
		caller.require(Permission.VIEW_REPORTS);
		ZoneId zone = zone(caller);
		Query query = query(caller, range, zone);
		Map<UUID, Tally> agents = new LinkedHashMap<>();
		this.facts.firstResponses(query)
			.forEach((clocked) -> tally(agents, clocked.agent()).firstResponses.add(clocked.millis()));
		this.facts.resolutions(query)
			.forEach((clocked) -> tally(agents, clocked.agent()).resolutions.add(clocked.millis()));
		this.facts.ratings(query).forEach((rated) -> tally(agents, rated.agent()).scores.add(rated.score()));
		List<AgentFigures> rows = new ArrayList<>();
		for (ReportFacts.Agent agent : this.facts.agents(query)) {
			Tally tally = agents.get(agent.id());
			if (tally != null) {
				ReportFigures figures = tally.figures();
				rows.add(new AgentFigures(new UserId(agent.id()), agent.name(), figures.resolved(),
						figures.firstResponse(), figures.resolution(), figures.satisfaction()));
			}
		}
		return new AgentsReport(range, zone, rows);
	}

	private Query query(Caller caller, ReportRange range, ZoneId zone) {
		return new Query(caller.workspaceId().value(), ReportScope.of(caller), range.start(zone), range.end(zone));
	}

	private ZoneId zone(Caller caller) {
		return this.workspaces.timeZone(caller.workspaceId());
	}

	private static Tally tally(Map<UUID, Tally> agents, UUID agent) {
		// a conversation without an agent has no row; it counts in the overview
		return (agent != null) ? agents.computeIfAbsent(agent, (id) -> new Tally()) : new Tally();
	}

	/** What one day, one range or one agent adds up. */
	private static final class Tally {

		long created;

		final List<Long> firstResponses = new ArrayList<>();

		final List<Long> resolutions = new ArrayList<>();

		final List<Integer> scores = new ArrayList<>();

		ReportFigures figures() {
			return new ReportFigures(this.created, this.resolutions.size(), DurationSummary.of(this.firstResponses),
					DurationSummary.of(this.resolutions), Satisfaction.of(this.scores));
		}

	}

}

package io.parley.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.analytics.ReportFixture.Started;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports against a fixture whose numbers are worked out by hand (docs/reports.md
 * defines them). The workspace is in Europe/Berlin, and the fixture spans the night its
 * clocks spring forward: T, the transition, is 01:00 UTC of day D, when 02:00 CET becomes
 * 03:00 CEST. So in Berlin day D-1 (CET, UTC+1) runs from T-26h to T-2h, day D (23 hours
 * long) from T-2h to T+21h, day D+1 (CEST, UTC+2) from T+21h to T+45h; UTC days begin an
 * hour or two earlier. The report covers D-1 to D+1.
 * <p>
 * Conversations, by the instants their clocks start and stop (Berlin time in brackets):
 * <ul>
 * <li>C6 (Bob): created T-28h (D-2 22:00, before the range); first response T-18h (D-1
 * 08:00): 600 min; resolved T-17h (D-1 09:00): 660 min; rated 3 at T-16h50m (D-1).</li>
 * <li>C1 (Ann): created T-16h (D-1 10:00); first response T-15h50m: 10 min; resolved
 * T-14h (D-1 12:00): 120 min; rated 5 at T-13h30m (D-1).</li>
 * <li>C2 (Bob): created T-1h30m (D 00:30 CET, still D-1 in UTC); first response T-10m (D
 * 01:50 CET): 80 min; resolved T+20m (D 03:20 CEST), reopened by the customer at T+1h,
 * resolved again at T+3h (D 06:00): counted once, at the last resolution, 4h30m = 270 min
 * (the local wall clock would say 5h30m); rated 2 at T+3h10m (D).</li>
 * <li>C3 (given to Bob, then to Ann before anyone answered): created T+6h (D 09:00); a
 * note by Ann at T+6h5m is no response; first response T+6h30m: 30 min; resolved T+9h (D
 * 12:00): 180 min; closed T+30h, which keeps the resolution; rated 4 at T+30h30m (D+1
 * 09:30).</li>
 * <li>C4 (Ann): created T+21h30m (D+1 00:30 CEST, still D in UTC); first response
 * T+21h50m: 20 min; not resolved.</li>
 * <li>C5 (nobody's): created T+31h (D+1 10:00); never answered; closed by the owner at
 * T+32h: 60 min.</li>
 * <li>C7: created T+46h (D+2 01:00), after the range.</li>
 * </ul>
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIntegrationTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	ReportFixture fixture;

	TestUser owner;

	TestUser supervisor;

	TestUser ann;

	TestUser bob;

	/** Day D, whose night the clocks spring forward. */
	LocalDate d;

	@BeforeAll
	void buildTheFixture() {
		Instant t = nextSpringForward(this.clock.instant());
		this.d = LocalDate.ofInstant(t, BERLIN);
		this.clock.stopAt(t.minus(ofHours(30)));
		ReportFixture f = new ReportFixture(new Api(this.port), this.clock, this.context, t);
		this.fixture = f;
		this.owner = f.workspace("Europe/Berlin").owner();
		String helper = f.role("Helper", List.of("conversations.handle", "conversations.take_part",
				"conversations.update", "conversations.close_assigned", "workspace.view"));
		this.supervisor = f.member("Sue Supervisor", Map.of("role", "supervisor"));
		this.ann = f.member("Ann Agent", Map.of("role", "agent", "supervisorId", this.supervisor.id()));
		// a custom role's agent counts as much as a built-in one
		this.bob = f.member("Bob Helper", Map.of("customRoleId", helper));

		Started c6 = f.at(ofHours(-28)).start("C6");
		f.at(ofHours(-28).plusMinutes(1)).assign(c6, this.bob);
		f.at(ofHours(-18)).write(c6, this.bob, "Good morning", false);
		f.at(ofHours(-17)).status(c6, this.bob, "resolved");
		f.at(ofHours(-17).plusMinutes(10)).rate(c6, 3);

		Started c1 = f.at(ofHours(-16)).start("C1");
		f.at(ofHours(-16).plusMinutes(1)).assign(c1, this.ann);
		f.at(ofHours(-16).plusMinutes(10)).write(c1, this.ann, "Hi", false);
		f.at(ofHours(-14)).status(c1, this.ann, "resolved");
		f.at(ofHours(-14).plusMinutes(30)).rate(c1, 5);

		Started c2 = f.at(ofMinutes(-90)).start("C2");
		f.at(ofMinutes(-89)).assign(c2, this.bob);
		f.at(ofMinutes(-10)).write(c2, this.bob, "Late night, hello", false);
		f.at(ofMinutes(20)).status(c2, this.bob, "resolved");
		f.at(ofHours(1)).visitorWrites(c2, "It is broken again");
		f.at(ofHours(2)).write(c2, this.bob, "Looking", false);
		f.at(ofHours(3)).status(c2, this.bob, "resolved");
		f.at(ofHours(3).plusMinutes(10)).rate(c2, 2);

		Started c3 = f.at(ofHours(6)).start("C3");
		f.at(ofHours(6).plusMinutes(1)).assign(c3, this.bob);
		f.at(ofHours(6).plusMinutes(2)).assign(c3, this.ann);
		f.at(ofHours(6).plusMinutes(5)).write(c3, this.ann, "Mine now", true);
		f.at(ofHours(6).plusMinutes(30)).write(c3, this.ann, "Hello", false);
		f.at(ofHours(9)).status(c3, this.ann, "resolved");

		Started c4 = f.at(ofHours(21).plusMinutes(30)).start("C4");
		f.at(ofHours(21).plusMinutes(31)).assign(c4, this.ann);
		f.at(ofHours(21).plusMinutes(50)).write(c4, this.ann, "Up late?", false);

		f.at(ofHours(30)).status(c3, this.ann, "closed");
		f.at(ofHours(30).plusMinutes(30)).rate(c3, 4);

		Started c5 = f.at(ofHours(31)).start("C5");
		f.at(ofHours(32)).status(c5, this.owner, "closed");

		f.at(ofHours(46)).start("C7");
		f.at(ofHours(47));
	}

	@AfterAll
	void runTheClockAgain() {
		this.clock.reset();
	}

	@Test
	void theOverviewCountsEachLocalDayOfTheWorkspace() {
		JsonNode overview = overview(this.owner);
		assertThat(overview.get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
		assertThat(overview.get("from").stringValue()).isEqualTo(this.d.minusDays(1).toString());
		assertThat(overview.get("to").stringValue()).isEqualTo(this.d.plusDays(1).toString());
		JsonNode days = overview.get("days");
		assertThat(days).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(days.get(i).get("date").stringValue()).isEqualTo(this.d.plusDays(i - 1).toString());
		}

		// created: D-1 C1; D C2 (00:30 CET) and C3; D+1 C4 (00:30 CEST) and C5; not C6,
		// C7
		assertThat(counts(overview, "conversationsCreated")).containsExactly(5L, 1L, 2L, 2L);
		// resolved, at the last resolution: D-1 C6, C1; D C2, C3; D+1 C5
		assertThat(counts(overview, "conversationsResolved")).containsExactly(5L, 2L, 2L, 1L);

		// first responses [10, 20, 30, 80, 600] min: median 30 min = 1800 s; p90 at rank
		// 0.9 × 4 = 3.6: 80 + 0.6 × (600 − 80) = 392 min = 23520 s
		clock(overview.get("total").get("firstResponse"), 5, 1800, 23520);
		// D-1 [10, 600]: median 305 min = 18300 s; p90 10 + 0.9 × 590 = 541 min = 32460 s
		clock(days.get(0).get("firstResponse"), 2, 18300, 32460);
		// D [30, 80]: median 55 min = 3300 s; p90 30 + 0.9 × 50 = 75 min = 4500 s
		clock(days.get(1).get("firstResponse"), 2, 3300, 4500);
		// D+1 [20]: 20 min = 1200 s
		clock(days.get(2).get("firstResponse"), 1, 1200, 1200);

		// resolutions [60, 120, 180, 270, 660] min: median 180 min = 10800 s; p90
		// 270 + 0.6 × (660 − 270) = 504 min = 30240 s
		clock(overview.get("total").get("resolution"), 5, 10800, 30240);
		// D-1 [120, 660]: median 390 min = 23400 s; p90 120 + 0.9 × 540 = 606 min = 36360
		// s
		clock(days.get(0).get("resolution"), 2, 23400, 36360);
		// D [180, 270]: median 225 min = 13500 s; p90 180 + 0.9 × 90 = 261 min = 15660 s
		clock(days.get(1).get("resolution"), 2, 13500, 15660);
		// D+1 [60]: 3600 s
		clock(days.get(2).get("resolution"), 1, 3600, 3600);

		// ratings [3, 5, 2, 4]: 2 of 4 satisfied (4 or 5) = 0.5; average 14 / 4 = 3.5
		csat(overview.get("total").get("csat"), 4, 2, 0.5, 3.5);
		// D-1 [3, 5]: 1 of 2, average 4; D [2]: 0 of 1, average 2; D+1 [4]: 1 of 1
		csat(days.get(0).get("csat"), 2, 1, 0.5, 4.0);
		csat(days.get(1).get("csat"), 1, 0, 0.0, 2.0);
		csat(days.get(2).get("csat"), 1, 1, 1.0, 4.0);
	}

	@Test
	void eachAgentGetsTheNumbersOfTheConversationsAssignedToThem() {
		JsonNode report = this.fixture.get(range("/api/reports/agents"), this.owner);
		assertThat(report.get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
		JsonNode agents = report.get("agents");
		// Sue may not handle conversations, the owner handled none (C5 had no agent)
		assertThat(agents).hasSize(2);

		JsonNode ann = agents.get(0);
		assertThat(ann.get("agentId").stringValue()).isEqualTo(this.ann.id());
		assertThat(ann.get("name").stringValue()).isEqualTo("Ann Agent");
		// C1 and C3 resolved in the range (C3 was Bob's first; it is Ann's)
		assertThat(ann.get("conversationsHandled").asLong()).isEqualTo(2);
		// first responses C1 10, C3 30, C4 20 min: median 20 min = 1200 s; p90 at rank
		// 0.9 × 2 = 1.8: 20 + 0.8 × (30 − 20) = 28 min = 1680 s
		clock(ann.get("firstResponse"), 3, 1200, 1680);
		// resolutions C1 120, C3 180 min: median 150 min = 9000 s; p90 120 + 0.9 × 60 =
		// 174 min = 10440 s
		clock(ann.get("resolution"), 2, 9000, 10440);
		// C1 5, C3 4: both satisfied, average 4.5
		csat(ann.get("csat"), 2, 2, 1.0, 4.5);

		JsonNode bob = agents.get(1);
		assertThat(bob.get("agentId").stringValue()).isEqualTo(this.bob.id());
		assertThat(bob.get("name").stringValue()).isEqualTo("Bob Helper");
		// C6 and C2
		assertThat(bob.get("conversationsHandled").asLong()).isEqualTo(2);
		// C6 600, C2 80 min: median 340 min = 20400 s; p90 80 + 0.9 × 520 = 548 min =
		// 32880 s
		clock(bob.get("firstResponse"), 2, 20400, 32880);
		// C6 660, C2 270 min: median 465 min = 27900 s; p90 270 + 0.9 × 390 = 621 min =
		// 37260 s
		clock(bob.get("resolution"), 2, 27900, 37260);
		// C6 3, C2 2: none satisfied, average 2.5
		csat(bob.get("csat"), 2, 0, 0.0, 2.5);
	}

	@Test
	void aSupervisorSeesTheirTeamOnly() {
		// Sue supervises Ann: C1, C3 and C4 are Ann's now; Bob's are not Sue's team's
		JsonNode overview = overview(this.supervisor);
		assertThat(counts(overview, "conversationsCreated")).containsExactly(3L, 1L, 1L, 1L);
		assertThat(counts(overview, "conversationsResolved")).containsExactly(2L, 1L, 1L, 0L);
		clock(overview.get("total").get("firstResponse"), 3, 1200, 1680);
		csat(overview.get("total").get("csat"), 2, 2, 1.0, 4.5);

		JsonNode agents = this.fixture.get(range("/api/reports/agents"), this.supervisor).get("agents");
		assertThat(agents).hasSize(1);
		assertThat(agents.get(0).get("agentId").stringValue()).isEqualTo(this.ann.id());
	}

	@Test
	void theDaysFollowTheWorkspacesTimeZone() {
		String owner = this.fixture.owner();
		try {
			assertThat(this.fixture.patch("/api/workspace", owner, Map.of("timeZone", "UTC")).status()).isEqualTo(200);
			// UTC days: D-1 C1 (09:00Z), C2 (23:30Z); D C3 (07:00Z), C4 (22:30Z); D+1 C5
			// (08:00Z) and C7 (T+46h = 23:00Z, which is D+2 in Berlin)
			assertThat(counts(overview(this.owner), "conversationsCreated")).containsExactly(6L, 2L, 2L, 2L);
		}
		finally {
			assertThat(this.fixture.patch("/api/workspace", owner, Map.of("timeZone", "Europe/Berlin")).status())
				.isEqualTo(200);
		}
	}

	@Test
	void withoutDatesTheReportCoversTheLast30DaysAndBadRangesAreRefused() {
		JsonNode recent = this.fixture.get("/api/reports/overview", this.owner);
		// the clock stands at T+47h, 02:00 of D+2 in Berlin
		assertThat(recent.get("to").stringValue()).isEqualTo(this.d.plusDays(2).toString());
		assertThat(recent.get("from").stringValue()).isEqualTo(this.d.plusDays(2).minusDays(29).toString());
		assertThat(recent.get("days")).hasSize(30);
		// C1..C7 are all within the last 30 days
		assertThat(recent.get("total").get("conversationsCreated").asLong()).isEqualTo(7);

		String owner = this.fixture.owner();
		Api api = new Api(this.port);
		for (String query : List.of("from=2027-02-30", "from=2027-3-1", "from=yesterday", "to=2027-03-28T00:00",
				"from=2027-03-02&to=2027-03-01", "from=2026-01-01&to=2027-01-02", "from=0001-01-01&to=0001-01-02",
				"from=9999-12-30&to=9999-12-31")) {
			for (String route : List.of("/api/reports/overview?", "/api/reports/agents?")) {
				Reply refused = api.get(route + query, owner);
				assertThat(refused.status()).as(route + query).isEqualTo(400);
				assertThat(refused.error()).isEqualTo("Invalid request schema");
			}
		}
		// 366 days, a leap year's: the most one report covers
		assertThat(api.get("/api/reports/overview?from=2028-01-01&to=2028-12-31", owner).data().get("days"))
			.hasSize(366);
	}

	@Test
	void onlyMembersAllowedToSeeReportsSeeThem() {
		Api api = new Api(this.port);
		for (String route : List.of("/api/reports/overview", "/api/reports/agents")) {
			Reply refused = api.get(route, this.fixture.token(this.ann));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
			assertThat(api.get(route, null).status()).isEqualTo(401);
		}
	}

	@Test
	void theWorkspaceKeepsItsTimeZoneAndRefusesOneJavaDoesNotKnow() {
		String owner = this.fixture.owner();
		Api api = new Api(this.port);
		assertThat(api.get("/api/workspace", owner).data().get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
		for (String zone : List.of("Mars/Olympus", "", "CEST", "Europe/Berlin/Mitte")) {
			Reply refused = this.fixture.patch("/api/workspace", owner, Map.of("timeZone", zone));
			assertThat(refused.status()).as(zone).isEqualTo(400);
			assertThat(refused.error()).isEqualTo("Invalid request schema");
		}
		assertThat(api.get("/api/workspace", owner).data().get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
	}

	private JsonNode overview(TestUser member) {
		return this.fixture.get(range("/api/reports/overview"), member);
	}

	private String range(String route) {
		return route + "?from=" + this.d.minusDays(1) + "&to=" + this.d.plusDays(1);
	}

	/** The total, then each day's. */
	private static List<Long> counts(JsonNode overview, String field) {
		List<Long> counts = new ArrayList<>();
		counts.add(overview.get("total").get(field).asLong());
		overview.get("days").forEach((day) -> counts.add(day.get(field).asLong()));
		return counts;
	}

	private static void clock(JsonNode clock, long count, double medianSeconds, double p90Seconds) {
		assertThat(clock.get("count").asLong()).as(clock.toString()).isEqualTo(count);
		assertThat(clock.get("medianSeconds").asDouble()).as(clock.toString()).isEqualTo(medianSeconds);
		assertThat(clock.get("p90Seconds").asDouble()).as(clock.toString()).isEqualTo(p90Seconds);
	}

	private static void csat(JsonNode csat, long ratings, long satisfied, double share, double average) {
		assertThat(csat.get("ratings").asLong()).as(csat.toString()).isEqualTo(ratings);
		assertThat(csat.get("satisfied").asLong()).as(csat.toString()).isEqualTo(satisfied);
		assertThat(csat.get("satisfiedShare").asDouble()).as(csat.toString()).isEqualTo(share);
		assertThat(csat.get("averageScore").asDouble()).as(csat.toString()).isEqualTo(average);
	}

	/**
	 * The instant Berlin next springs forward, at least two days ahead so the fixture's
	 * first day is still to come: 01:00 UTC of the last Sunday of March.
	 */
	private static Instant nextSpringForward(Instant now) {
		Instant after = now.plus(Duration.ofDays(2));
		ZoneOffsetTransition transition = BERLIN.getRules().nextTransition(after);
		while (!transition.isGap()) {
			transition = BERLIN.getRules().nextTransition(transition.getInstant());
		}
		return transition.getInstant();
	}

}

package io.parley.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports against a fixture whose numbers are worked out by hand (docs/reports.md
 * defines them): {@link ReportFixture#build} describes its conversations, in
 * Europe/Berlin across the night its clocks spring forward. The report covers D-1 to D+1.
 */
@ParleyIntegrationTest
// the fixture runs the clock months ahead and back: what the application keeps in memory
// from then (caches, limits, widget state) is not carried into the classes that follow
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIntegrationTests {

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
		ReportFixture.Built built = ReportFixture.build(new Api(this.port), this.clock, this.context);
		this.fixture = built.fixture();
		this.d = built.d();
		this.owner = built.owner();
		this.supervisor = built.supervisor();
		this.ann = built.ann();
		this.bob = built.bob();
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

}

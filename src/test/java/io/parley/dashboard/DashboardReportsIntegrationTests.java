package io.parley.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.analytics.ReportFixture;
import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports page over HTTP, on the fixture of {@code ReportsIntegrationTests} (its
 * numbers are worked out by hand there and in {@link ReportFixture#build}): who may see
 * it, what a supervisor sees, another range as htmx swaps it in, and a range that is
 * none.
 */
@ParleyIntegrationTest
// the fixture runs the clock months ahead and back: what the application keeps in memory
// from then (caches, limits, widget state) is not carried into the classes that follow
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardReportsIntegrationTests {

	private static final Pattern FIGURE = Pattern
		.compile("data-figure=\"([a-zA-Z0-9]+)\">\\s*<span[^>]*>[^<]*</span>\\s*<strong[^>]*>([^<]*)</strong>");

	private static final Pattern AGENT_ROW = Pattern.compile("<tr class=\"agent\">(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>([^<]*)</t[hd]>");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	ReportFixture.Built fixture;

	@BeforeAll
	void buildTheFixture() {
		this.fixture = ReportFixture.build(new Api(this.port), this.clock, this.context);
	}

	@AfterAll
	void runTheClockAgain() {
		this.clock.reset();
	}

	@Test
	void theOwnerSeesTheTotalsAndTheAgentsOfTheRangeInTheWorkspacesTimeZone() {
		DashboardClient owner = signedIn(this.fixture.owner());

		Page page = owner.get("/app/reports?" + range(this.fixture.d().minusDays(1), this.fixture.d().plusDays(1)));

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("time zone of the workspace: Europe/Berlin.")
			.contains("href=\"/app/reports\"")
			.contains("href=\"#definitions\"")
			.contains("value=\"" + this.fixture.d().minusDays(1) + "\"")
			.contains("value=\"" + this.fixture.d().plusDays(1) + "\"");
		// created C1, C2, C3, C4, C5; resolved C6, C1, C2, C3, C5; first responses [10,
		// 20,
		// 30, 80, 600] min; resolutions [60, 120, 180, 270, 660] min; ratings [3, 5, 2,
		// 4]
		assertThat(figures(page)).isEqualTo(Map.of("created", "5", "resolved", "5", "firstResponseMedian", "30m",
				"firstResponseP90", "6h 32m", "resolutionMedian", "3h", "csat", "50%"));
		assertThat(page.body()).contains("over 5 first responses")
			.contains("90th percentile: 8h 24m")
			.contains("2 of 4 ratings 4 or 5, average 3.5 of 5");
		assertThat(agentRows(page)).containsExactly(List.of("Ann Agent", "2", "20m", "2h 30m", "100%"),
				List.of("Bob Helper", "2", "5h 40m", "7h 45m", "0%"));
		// the charts' data: a day each, seconds for durations
		assertThat(page.body()).contains("id=\"chart-conversations\"")
			.contains("&quot;labels&quot;:[&quot;" + this.fixture.d().minusDays(1) + "&quot;")
			.contains("&quot;values&quot;:[1,2,2]")
			.contains("&quot;values&quot;:[18300.0,3300.0,1200.0]");
	}

	@Test
	void anAgentWithoutReportsViewIsRefusedAndNotOfferedTheLink() {
		DashboardClient ann = signedIn(this.fixture.ann());

		Page refused = ann.get("/app/reports");
		Page fragment = ann.htmx("/app/reports?from=2027-01-01&to=2027-01-02");
		Page inbox = ann.get("/app/inbox");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("You may not do this with your role.").doesNotContain("figure-value");
		assertThat(fragment.status()).isEqualTo(403);
		assertThat(fragment.body()).contains("You may not do this with your role.").doesNotContain("<html");
		assertThat(inbox.body()).doesNotContain("href=\"/app/reports\"");
		assertThat(signedIn(this.fixture.owner()).get("/app/inbox").body()).contains("href=\"/app/reports\"");
	}

	@Test
	void aSupervisorSeesOnlyTheirTeam() {
		DashboardClient sue = signedIn(this.fixture.supervisor());

		Page page = sue.get("/app/reports?" + range(this.fixture.d().minusDays(1), this.fixture.d().plusDays(1)));

		assertThat(page.status()).isEqualTo(200);
		// Ann's C1, C3, C4: first responses [10, 20, 30] min, ratings [5, 4]
		assertThat(figures(page)).containsEntry("created", "3")
			.containsEntry("resolved", "2")
			.containsEntry("firstResponseMedian", "20m")
			.containsEntry("firstResponseP90", "28m")
			.containsEntry("csat", "100%");
		assertThat(agentRows(page)).containsExactly(List.of("Ann Agent", "2", "20m", "2h 30m", "100%"));
		assertThat(page.body()).doesNotContain("Bob Helper").doesNotContain("id=\"teams\"");
	}

	@Test
	void theOwnerAlsoSeesSeed003sTablePerSupervisor() {
		Page page = signedIn(this.fixture.owner()).get("/app/reports");

		assertThat(page.body()).contains("id=\"teams\"")
			.containsPattern("<tr class=\"team\"><td>Sue Supervisor</td>\\s*<td>1</td>");
	}

	@Test
	void anotherRangeComesAsTheReportsFragmentWithoutACsrfToken() {
		DashboardClient owner = signedIn(this.fixture.owner());

		// htmx GETs carry no token here: reading needs none
		Page day = owner.htmx("/app/reports?" + range(this.fixture.d(), this.fixture.d()));

		assertThat(day.status()).as(day.body()).isEqualTo(200);
		assertThat(day.body()).startsWith("<section id=\"report\"").doesNotContain("<html");
		// day D: C2 and C3; first responses [30, 80] min, resolutions [180, 270] min, C2
		// rated 2
		assertThat(figures(day)).isEqualTo(Map.of("created", "2", "resolved", "2", "firstResponseMedian", "55m",
				"firstResponseP90", "1h 15m", "resolutionMedian", "3h 45m", "csat", "0%"));
		assertThat(day.body()).contains("0 of 1 ratings 4 or 5, average 2 of 5");
	}

	@Test
	void withoutDatesThePageShowsTheLast30DaysOfTheWorkspace() {
		DashboardClient owner = signedIn(this.fixture.owner());

		Page page = owner.get("/app/reports");

		// the clock stands at 02:00 of D+2 in Berlin (still D+1 in UTC)
		LocalDate today = this.fixture.d().plusDays(2);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"" + today.minusDays(29) + "\"")
			.contains("value=\"" + today + "\"")
			.contains("href=\"/app/reports?from=" + today.minusDays(6) + "&amp;to=" + today + "\"")
			.contains("href=\"/app/reports?from=" + today.minusDays(89) + "&amp;to=" + today + "\"");
		// C1 to C7
		assertThat(figures(page)).containsEntry("created", "7");
		assertThat(page.body()).contains("aria-current=\"true\"");
	}

	@Test
	void aRangeThatIsNoneIsSaidOnThePageAndNothingElseBreaks() {
		DashboardClient owner = signedIn(this.fixture.owner());
		for (String query : List.of("from=2027-03-02&to=2027-03-01", "from=yesterday&to=2027-03-01",
				"from=2026-01-01&to=2027-01-02", "from=2027-02-30")) {
			Page page = owner.get("/app/reports?" + query);
			Page fragment = owner.htmx("/app/reports?" + query);

			assertThat(page.status()).as(query).isEqualTo(400);
			assertThat(page.body()).contains("That range cannot be shown.")
				.contains("id=\"range\"")
				.contains("time zone of the workspace: Europe/Berlin.")
				.doesNotContain("figure-value");
			assertThat(fragment.status()).isEqualTo(400);
			assertThat(fragment.body()).startsWith("<section id=\"report\"").contains("That range cannot be shown.");
		}
		assertThat(owner.get("/app/reports?from=yesterday").body()).contains("value=\"yesterday\"");
		assertThat(owner.get("/app/reports?" + range(this.fixture.d(), this.fixture.d())).status()).isEqualTo(200);
	}

	@Test
	void anotherWorkspacesOwnerSeesOnlyTheirOwnWorkspaceAndGermanIsSpoken() {
		TestWorkspace elsewhere = TestWorkspace.create(new Api(this.port));
		DashboardClient stranger = signedIn(elsewhere.owner());

		Page page = stranger
			.getInLanguage("/app/reports?" + range(this.fixture.d().minusDays(1), this.fixture.d().plusDays(1)), "de");

		assertThat(page.status()).isEqualTo(200);
		assertThat(figures(page)).containsEntry("created", "0").containsEntry("firstResponseMedian", "\u2014");
		assertThat(page.body()).contains("Berichte")
			.contains("Zeitzone des Arbeitsbereichs: UTC.")
			.contains("Kein Agent hat eine Unterhaltung")
			.doesNotContain("Ann Agent");
	}

	private DashboardClient signedIn(TestUser member) {
		return DashboardClient.signedIn(this.port, member.email(), TestWorkspace.PASSWORD);
	}

	private static String range(LocalDate from, LocalDate to) {
		return "from=" + from + "&to=" + to;
	}

	private static Map<String, String> figures(Page page) {
		Map<String, String> figures = new LinkedHashMap<>();
		Matcher figure = FIGURE.matcher(page.body());
		while (figure.find()) {
			figures.put(figure.group(1), figure.group(2));
		}
		return figures;
	}

	private static List<List<String>> agentRows(Page page) {
		List<List<String>> rows = new ArrayList<>();
		Matcher row = AGENT_ROW.matcher(page.body());
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = CELL.matcher(row.group(1));
			while (cell.find()) {
				cells.add(cell.group(1));
			}
			rows.add(cells);
		}
		return rows;
	}

}

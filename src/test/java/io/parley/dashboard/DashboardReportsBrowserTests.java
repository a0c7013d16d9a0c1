package io.parley.dashboard;

import java.time.LocalDate;
import java.util.List;

import io.parley.analytics.ReportFixture;
import io.parley.support.Api;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports page in a headless Chromium on the fixture of
 * {@code ReportsIntegrationTests} ({@link ReportFixture#build}): the owner picks the
 * fixture's three days and sees the numbers worked out by hand, the charts drawn from
 * their data, the table per agent sorted, a preset swapped in and the back button
 * restoring the range. Screenshot: {@code dashboard-reports}.
 */
@ParleyIntegrationTest
// the fixture runs the clock months ahead and back: what the application keeps in memory
// from then (caches, limits, widget state) is not carried into the classes that follow
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardReportsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	ReportFixture.Built fixture;

	Browser browser;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.fixture = ReportFixture.build(new Api(this.port), this.clock, this.context);
		this.browser = Browser.start(this.port);
		this.browser.resize(1280, 1400);
		this.dashboard = new DashboardPage(this.browser);
	}

	@AfterAll
	void stop() {
		this.clock.reset();
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theOwnerSeesTheFixturesNumbersChartsAndAgentsForTheRangeTheyPick() {
		LocalDate d = this.fixture.d();
		this.dashboard.signIn(this.fixture.owner().email(), TestWorkspace.PASSWORD);
		this.browser.find(By.linkText("Reports")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/reports"));
		assertThat(this.browser.find(By.id("time-zone")).getText()).contains("Europe/Berlin");

		// date inputs take their value as the browser's locale writes dates: set it as
		// ISO
		this.browser.script(
				"document.getElementById('from').value = arguments[0];"
						+ " document.getElementById('to').value = arguments[1];",
				d.minusDays(1).toString(), d.plusDays(1).toString());
		this.browser.find(By.cssSelector("#range button[type=submit]")).click();
		this.browser.await((driver) -> driver.getCurrentUrl()
			.endsWith("/app/reports?from=" + d.minusDays(1) + "&to=" + d.plusDays(1)));
		this.browser.await((driver) -> figure("created").equals("5"));

		assertThat(List.of(figure("created"), figure("resolved"), figure("firstResponseMedian"),
				figure("firstResponseP90"), figure("resolutionMedian"), figure("csat")))
			.containsExactly("5", "5", "30m", "6h 32m", "3h", "50%");
		this.browser.await((driver) -> chartValues("chart-conversations", 0).equals(List.of(1L, 2L, 2L)));
		// resolved per day: D-1 C6 and C1, D C2 and C3, D+1 C5
		assertThat(chartValues("chart-conversations", 1)).isEqualTo(List.of(2L, 2L, 1L));
		// first response medians in seconds: D-1 305 min, D 55 min, D+1 20 min
		assertThat(chartValues("chart-firstResponse", 0)).isEqualTo(List.of(18300L, 3300L, 1200L));
		assertThat(chartValues("chart-csat", 0)).isEqualTo(List.of(50L, 0L, 100L));
		assertThat(agentRows()).containsExactly("Ann Agent 2 20m 2h 30m 100%", "Bob Helper 2 5h 40m 7h 45m 0%");

		WebElement byFirstResponse = this.browser
			.find(By.xpath("//table[@id='agents']//th[3]/button[text()='Median first response']"));
		byFirstResponse.click();
		byFirstResponse.click();
		assertThat(agentRows()).containsExactly("Bob Helper 2 5h 40m 7h 45m 0%", "Ann Agent 2 20m 2h 30m 100%");
		this.browser.find(By.cssSelector("details.days summary")).click();
		this.browser.screenshot("dashboard-reports");
		this.browser.resize(768, 1400);
		this.browser.await((driver) -> this.browser.find(By.id("chart-csat")).getSize().getWidth() > 600);
		this.browser.screenshot("dashboard-reports-768");
		this.browser.resize(1280, 1400);

		LocalDate today = d.plusDays(2);
		this.browser.find(By.linkText("Last 7 days")).click();
		this.browser.await((driver) -> driver.getCurrentUrl()
			.endsWith("/app/reports?from=" + today.minusDays(6) + "&to=" + today));
		// C1 to C7 all lie within the last 7 days
		this.browser.await((driver) -> figure("created").equals("7"));
		assertThat(this.browser.find(By.id("from")).getDomProperty("value")).isEqualTo(today.minusDays(6).toString());

		this.browser.driver().navigate().back();
		this.browser
			.await((driver) -> driver.getCurrentUrl().endsWith("from=" + d.minusDays(1) + "&to=" + d.plusDays(1)));
		this.browser.await((driver) -> figure("created").equals("5"));
		this.browser.await((driver) -> chartValues("chart-conversations", 0).equals(List.of(1L, 2L, 2L)));

		// a range that is none: said in place of the report, the page still works
		this.browser.script("document.getElementById('from').value = arguments[0];", d.plusDays(2).toString());
		this.browser.find(By.cssSelector("#range button[type=submit]")).click();
		this.browser.await((driver) -> !driver.findElements(By.id("range-error")).isEmpty());
		assertThat(this.browser.find(By.id("range-error")).getText()).startsWith("That range cannot be shown.");
		assertThat(this.browser.driver().findElements(By.cssSelector(".figure-value"))).isEmpty();
		assertThat(this.browser.driver().findElements(By.cssSelector("#toasts .toast"))).isEmpty();
		this.browser.find(By.linkText("Last 30 days")).click();
		this.browser.await((driver) -> figure("created").equals("7"));
		assertThat(this.browser.driver().findElements(By.id("range-error"))).isEmpty();
	}

	/** A figure card's value, read in one step, as htmx may swap the report meanwhile. */
	private String figure(String name) {
		return (String) this.browser.script("var value = document.querySelector(\"[data-figure='\" + arguments[0]"
				+ " + \"'] .figure-value\"); return value ? value.textContent.trim() : '';", name);
	}

	/**
	 * What the page's chart draws: a dataset's values, rounded, as Chart.js holds them.
	 */
	@SuppressWarnings("unchecked")
	private List<Long> chartValues(String canvas, int dataset) {
		Object values = this.browser.script("var chart = window.Chart && Chart.getChart(arguments[0]);"
				+ " return chart ? chart.data.datasets[arguments[1]].data.map(function (v) { return Math.round(v); })"
				+ " : [];", canvas, dataset);
		return (List<Long>) values;
	}

	private List<String> agentRows() {
		return this.browser.driver()
			.findElements(By.cssSelector("#agents tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}

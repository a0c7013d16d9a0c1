package io.parley.dashboard;

import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Browser;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes the widget's color in the dashboard: the preview follows the form as
 * it is typed, and once saved the real widget on a customer's page shows it.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardWidgetSettingsBrowserTests {

	@LocalServerPort
	int port;

	Api api;

	Browser browser;

	HostPage host;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
		this.browser = Browser.start(this.port);
		this.browser.resize(1280, 900);
		this.dashboard = new DashboardPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.host != null) {
			this.host.close();
		}
	}

	@Test
	void anAdminChangesTheWidgetColorAndTheWidgetShowsIt() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		var admin = workspace.join(this.api, Map.of("role", "admin"));
		this.dashboard.signIn(admin.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/settings");
		this.browser.find(By.id("section-widget")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/widget"));

		this.browser.script("var input = document.getElementById('primaryColor'); input.value = '#db2777';"
				+ " input.dispatchEvent(new Event('input', { bubbles: true }));");
		this.browser.find(By.id("welcomeMessage")).clear();
		this.browser.find(By.id("welcomeMessage")).sendKeys("Hi! Ask us anything.");
		assertThat(this.browser
			.script("return getComputedStyle(document.getElementById('preview-header')).backgroundColor"))
			.isEqualTo("rgb(219, 39, 119)");
		assertThat(this.browser.find(By.id("preview-welcome")).getText()).isEqualTo("Hi! Ask us anything.");
		this.browser.screenshot("dashboard-widget-settings");
		this.browser.find(By.cssSelector("#widget-form button[type=submit]")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/widget?saved"));
		String snippet = this.browser.find(By.id("snippet")).getAttribute("value");
		String key = snippet.replaceAll("(?s).*data-key=\"([^\"]+)\".*", "$1");

		this.browser.visit(this.host.embed("/shop.html", this.port, key, "Parley('open');"));
		this.browser
			.await(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[data-parley=frame]")));
		this.browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat:not([aria-busy])")));
		Object header = this.browser
			.script("return getComputedStyle(document.querySelector('.header')).backgroundColor");
		this.browser.driver().switchTo().defaultContent();

		assertThat(header).isEqualTo("rgb(219, 39, 119)");
		this.browser.screenshot("dashboard-widget-on-host-page");
	}

}

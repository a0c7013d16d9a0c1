package io.parley.dashboard;

import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser invites someone from the members page, hands over the link
 * it shows, changes a member's role and deactivates them from the keyboard without the
 * page reloading; the invitee's link works and they sign in to the dashboard in the role
 * they were given. The roles page shows the permission grid, down to 768 px wide.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMembersSettingsBrowserTests {

	@LocalServerPort
	int port;

	Api api;

	Browser browser;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.browser = Browser.start(this.port);
		this.browser.resize(1280, 900);
		this.dashboard = new DashboardPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void anAdminInvitesSomeoneAndChangesARoleAndTheInviteesLinkWorks() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String email = "ada-" + UUID.randomUUID() + "@example.com";
		this.dashboard.signIn(admin.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/settings");
		this.browser.find(By.id("section-members")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/members"));

		this.browser.find(By.id("invite-email")).sendKeys(email);
		new Select(this.browser.find(By.id("invite-role"))).selectByValue("supervisor");
		this.browser.find(By.cssSelector("#invite-form button[type=submit]")).click();
		String link = this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link")))
			.getDomProperty("value");
		assertThat(this.browser.find(By.id("invitations")).getText()).contains(email);
		this.browser.screenshot("dashboard-settings-members-invited");

		this.browser.script("window.notReloaded = true;");
		new Select(this.browser.find(By.id("role-" + agent.id()))).selectByValue("supervisor");
		this.browser.find(By.id("change-role-" + agent.id())).sendKeys(Keys.ENTER);
		this.browser
			.await((driver) -> "supervisor".equals(this.api.get("/api/members/" + agent.id(), workspace.owner().token())
				.data()
				.get("role")
				.stringValue()));
		this.browser.await((driver) -> ("change-role-" + agent.id())
			.equals(this.browser.script("return document.activeElement && document.activeElement.id")));
		// the row may be drawn once more (the member list follows membership changes):
		// each look-up reads the row as it is now
		this.browser
			.await((driver) -> new Select(driver.findElement(By.id("role-" + agent.id()))).getFirstSelectedOption()
				.getText()
				.equals("Supervisor"));
		this.browser.await((driver) -> {
			driver.findElement(By.id("deactivate-" + agent.id())).sendKeys(Keys.ENTER);
			return true;
		});
		this.browser.await(ExpectedConditions.presenceOfElementLocated(By.id("activate-" + agent.id())));
		this.browser.await((driver) -> ("activate-" + agent.id())
			.equals(this.browser.script("return document.activeElement && document.activeElement.id")));
		assertThat(this.browser.find(By.id("member-" + agent.id())).getText()).contains("Deactivated");
		assertThat(this.browser.script("return window.notReloaded === true")).as("no reload").isEqualTo(true);
		this.browser.screenshot("dashboard-settings-members");

		this.browser.resize(768, 1000);
		this.browser.follow("/app/settings/members");
		assertThat(this.browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("fits 768 px")
			.isEqualTo(true);
		this.browser.screenshot("dashboard-settings-members-768");
		this.browser.follow("/app/settings/roles");
		assertThat(this.browser.find(By.id("roles")).getText()).contains("Supervisor");
		this.browser.screenshot("dashboard-settings-roles-768");
		this.browser.resize(1280, 900);
		this.browser.follow("/app/settings/roles");
		this.browser.screenshot("dashboard-settings-roles");

		this.browser.driver().manage().deleteAllCookies();
		this.browser.open("/invitation.html" + link.substring(link.indexOf('#')));
		this.browser.await(ExpectedConditions.textToBe(By.id("status"), "You are invited to join this workspace."));
		assertThat(this.browser.find(By.id("role")).getText()).isEqualTo("supervisor");
		this.browser.find(By.id("name")).sendKeys("Ada Lovelace");
		this.browser.find(By.id("password")).sendKeys("newpass123");
		this.browser.find(By.cssSelector("#accept button[type=submit]")).click();
		this.browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("invitation")));
		this.dashboard.signIn(email, "newpass123");

		assertThat(this.browser.find(By.cssSelector(".top .me")).getText()).isEqualTo("Ada Lovelace");
		assertThat(this.browser.find(By.cssSelector(".top .me")).getDomAttribute("title")).isEqualTo("supervisor");
	}

}

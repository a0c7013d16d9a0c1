package io.parley.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Authenticator;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages of issue 12 and 13 in a headless Chromium: a canned response written
 * in the settings is what {@code /} offers in the reply box, a second factor turned on in
 * the settings is asked for at the next sign-in, and a mailbox added against a real IMAP
 * server (GreenMail) shows "Connected". Screenshots go to {@code target/screenshots}.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSettingsPagesBrowserTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	Api api;

	Visitors visitors;

	Browser browser;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
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
	void aCannedResponseWrittenInTheSettingsIsInsertedWithSlashInTheReplyBox() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		TestVisitor visitor = this.visitors.visitor(workspace.id(), "Grace Hopper");
		String id = this.visitors.conversation(visitor, "Where is my parcel?");
		this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(), Map.of("agentId", agent.id()));
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/settings");
		this.browser.find(By.id("section-canned-responses")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/canned-responses"));

		this.browser.find(By.id("shortcut")).sendKeys("parcel");
		this.browser.find(By.id("title")).sendKeys("Parcel on its way");
		this.browser.find(By.id("body")).sendKeys("Hi {{contact.name}}, your parcel left today. {{agent.name}}");
		this.browser.find(By.cssSelector("#canned-form button[type=submit]")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/canned-responses?saved"));
		assertThat(this.browser.find(By.cssSelector(".canned-table")).getText()).contains("/parcel")
			.contains("Parcel on its way");
		this.browser.screenshot("dashboard-settings-canned-responses");
		this.browser.find(By.id("shortcut")).sendKeys("parcel");
		this.browser.find(By.id("title")).sendKeys("Twice");
		this.browser.find(By.id("body")).sendKeys("Again");
		this.browser.find(By.cssSelector("#canned-form button[type=submit]")).click();
		this.browser.await((driver) -> !driver.findElements(By.id("shortcut-error")).isEmpty());
		assertThat(this.browser.find(By.id("shortcut-error")).getText())
			.isEqualTo("This shortcut is taken already. Choose another one.");
		assertThat(this.browser.find(By.id("shortcut")).getAttribute("aria-describedby")).contains("shortcut-error");
		this.browser.screenshot("dashboard-settings-canned-responses-taken");

		this.browser.follow("/app/conversations/" + id);
		this.dashboard.awaitConnected();
		this.browser.find(By.id("content")).sendKeys("/parc");
		this.browser.await((driver) -> !driver.findElements(By.cssSelector("#canned-menu [role=option]")).isEmpty());
		assertThat(this.browser.find(By.cssSelector("#canned-menu [aria-selected=true]")).getText())
			.contains("/parcel");
		this.browser.find(By.id("content")).sendKeys(Keys.ENTER);
		this.browser.await((driver) -> this.browser.find(By.id("content"))
			.getDomProperty("value")
			.equals("Hi Grace Hopper, your parcel left today. Member"));
	}

	@Test
	void aSecondFactorTurnedOnInTheSettingsIsAskedForAtTheNextSignIn() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/settings/two-factor");
		assertThat(this.browser.find(By.id("two-factor-state")).getText()).contains("off");

		this.browser.find(By.id("two-factor-start")).click();
		this.browser.await((driver) -> !driver.findElements(By.id("two-factor-qr")).isEmpty());
		Authenticator app = Authenticator.of(this.browser.find(By.id("secret")).getText());
		this.browser.screenshot("dashboard-settings-two-factor-key");
		this.browser.find(By.id("code")).sendKeys(app.codeAt(this.clock.instant()));
		this.browser.find(By.id("two-factor-confirm")).click();
		this.browser.await((driver) -> !driver.findElements(By.id("backup-codes")).isEmpty());
		assertThat(this.browser.driver().findElements(By.cssSelector("#backup-codes li"))).hasSize(10);
		this.browser.screenshot("dashboard-settings-two-factor-backup-codes");
		this.browser.find(By.id("two-factor-done")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/two-factor"));
		assertThat(this.browser.find(By.id("two-factor-state")).getText()).contains("Backup codes left: 10");
		this.browser.screenshot("dashboard-settings-two-factor-on");

		this.browser.find(By.cssSelector("form[action='/app/logout'] button")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().contains("/app/login"));
		this.browser.find(By.id("email")).sendKeys(agent.email());
		this.browser.find(By.id("password")).sendKeys(TestWorkspace.PASSWORD);
		this.browser.find(By.cssSelector("form button[type=submit]")).click();
		this.browser.await((driver) -> !driver.findElements(By.id("code")).isEmpty());
		assertThat(this.browser.driver().getCurrentUrl()).doesNotEndWith("/app/inbox");
		this.clock.advance(Duration.ofSeconds(30));
		this.browser.find(By.id("code")).sendKeys(app.codeAt(this.clock.instant()));
		this.browser.find(By.cssSelector("form button[type=submit]")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/inbox"));
	}

	@Test
	void aMailboxAddedInTheSettingsShowsConnected() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		TestUser supervisor = workspace.join(this.api, Map.of("role", "supervisor"));
		String address = "care-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
		mail.setUser(address, address, "greenmail-password");
		this.dashboard.signIn(admin.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/settings");
		this.browser.find(By.id("section-mailboxes")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/mailboxes"));

		type("displayName", "Acme Care");
		type("fromAddress", address);
		type("imapHost", "127.0.0.1");
		type("imapPort", String.valueOf(mail.getImap().getPort()));
		this.browser.find(By.id("imapSecure")).click();
		type("imapUser", address);
		type("imapPassword", "greenmail-password");
		type("smtpHost", "127.0.0.1");
		type("smtpPort", String.valueOf(mail.getSmtp().getPort()));
		this.browser.find(By.id("smtpSecure")).click();
		type("smtpUser", address);
		type("smtpPassword", "greenmail-password");
		this.browser.screenshot("dashboard-settings-mailbox-form");
		WebElement routing = this.browser.find(By.id("defaultSupervisorId"));
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", routing);
		new Select(routing).selectByValue(supervisor.id());
		this.browser.screenshot("dashboard-settings-mailbox-supervisor");
		this.browser.find(By.cssSelector("#mailbox-form button[type=submit]")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/settings/mailboxes?added"));

		WebElement state = this.browser.find(By.cssSelector(".mailbox .mailbox-state"));
		assertThat(state.getText()).contains("Connected").contains("Last sync:");
		assertThat(this.browser.find(By.cssSelector(".mailboxes")).getText()).contains(address);
		assertThat(this.browser.driver().getPageSource()).doesNotContain("greenmail-password");
		assertThat(this.api.get("/api/email-inboxes", admin.token())
			.data()
			.get(0)
			.get("defaultSupervisorId")
			.stringValue()).as("new mail goes to the supervisor chosen").isEqualTo(supervisor.id());
		this.browser.screenshot("dashboard-settings-mailboxes");
		this.browser.resize(768, 900);
		this.browser.screenshot("dashboard-settings-mailboxes-768");
		this.browser.resize(1280, 900);
	}

	private void type(String id, String text) {
		WebElement field = this.browser.find(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}

package io.parley.email;

import java.util.Map;
import java.util.UUID;

import io.parley.dashboard.DashboardClient;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting a Gmail account from the dashboard's mailbox page, in headless Chromium,
 * against Google's stand-in (decision 115): the consent returns to the page, which says
 * whether it worked and why not; the inbox is listed with its state, reconnected, renamed
 * and removed; agents and forms without the CSRF token are refused. Screenshot:
 * {@code dashboard-gmail}.
 */
@ParleyIntegrationTest
@DirtiesContext // its own settings
class GmailDashboardBrowserTests {

	static final GoogleStandIn GOOGLE = standIn();

	static final String PAGE = "/app/settings/mailboxes";

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	String address;

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		// Google's stand-in; rounds come from the tests, not from the schedule
		GOOGLE.register(registry);
	}

	@AfterAll
	static void stopGoogle() {
		GOOGLE.close();
	}

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.address = "care-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";
		GOOGLE.mailbox(this.address);
		GOOGLE.consentAs = null;
		GOOGLE.refuse = false;
		GOOGLE.parleyUrl = "http://localhost:" + this.port;
	}

	@Test
	void anAdminConnectsAGmailAccountAndTheConsentReturnsToThePage() {
		try (Browser browser = Browser.start(this.port)) {
			browser.resize(1280, 1000);
			browser.signIn(this.workspace.owner().email(), TestWorkspace.PASSWORD);

			// refused at Google's: back on the page with the reason, and not connected
			GOOGLE.refuse = true;
			browser.open(PAGE);
			browser.find(By.id("gmailName")).sendKeys("Acme Care");
			browser.find(By.id("gmailAddress")).sendKeys(this.address);
			browser.find(By.id("gmail-connect")).click();
			browser.await((driver) -> driver.getCurrentUrl().contains(PAGE + "?gmailError="));
			assertThat(browser.find(By.id("gmail-error")).getText()).startsWith(
					"The Gmail account was not connected: the consent was refused, has expired or was used already.");
			assertThat(inbox().at("/state/connected").asBoolean()).isFalse();

			// Reconnect: Google's consent, then the page says it is connected
			GOOGLE.refuse = false;
			browser.find(By.cssSelector("li.mailbox button[aria-label='Reconnect " + this.address + " with Google']"))
				.click();
			browser.await((driver) -> driver.getCurrentUrl().endsWith(PAGE + "?gmail=connected"));
			assertThat(browser.find(By.id("gmail-connected")).getText())
				.isEqualTo("The Gmail account is connected: its new mail becomes conversations.");
			String row = browser.find(By.cssSelector("li.mailbox")).getText();
			assertThat(row).contains("Acme Care", this.address, "Gmail, through Google's API", "Connected",
					"Last sync: ");
			assertThat(inbox().at("/state/connected").asBoolean()).isTrue();
			assertThat(GOOGLE.lastConsent.get("login_hint")).isEqualTo(this.address);
			browser.screenshot("dashboard-gmail");

			// another Google account than the inbox's: the page says which to use
			GOOGLE.consentAs = "someone-else@gmail.test";
			browser.find(By.cssSelector("li.mailbox button[aria-label='Reconnect " + this.address + " with Google']"))
				.click();
			browser.await((driver) -> driver.getCurrentUrl().contains("gmailError=GMAIL_ACCOUNT_MISMATCH"));
			assertThat(browser.find(By.id("gmail-error")).getText())
				.contains("you signed in to Google with another account than the inbox's address");

			// renamed on its own page, where the address cannot change
			browser.find(By.cssSelector("li.mailbox a")).click();
			browser.await((driver) -> driver.getCurrentUrl().endsWith("/gmail"));
			browser.find(By.id("gmailName")).clear();
			browser.find(By.id("gmailName")).sendKeys("Acme Customer Care");
			browser.find(By.cssSelector("#gmail-edit-form button[type=submit]")).click();
			browser.await((driver) -> driver.getCurrentUrl().endsWith(PAGE + "?saved"));
			assertThat(inbox().get("displayName").stringValue()).isEqualTo("Acme Customer Care");
			assertThat(inbox().get("fromAddress").stringValue()).isEqualTo(this.address);

			browser.find(By.cssSelector("li.mailbox button.danger")).click();
			browser.await((driver) -> driver.getCurrentUrl().endsWith(PAGE + "?deleted"));
			assertThat(this.api.get("/api/email-inboxes", this.workspace.owner().token()).data().size()).isZero();
		}
	}

	@Test
	void agentsAndFormsWithoutTheTokenCannotConnectAnAccount() {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient asAgent = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);
		DashboardClient asOwner = DashboardClient.signedIn(this.port, this.workspace.owner().email(),
				TestWorkspace.PASSWORD);
		Map<String, String> form = Map.of("gmailName", "Acme Care", "gmailAddress", this.address);

		assertThat(asAgent.get(PAGE).status()).isEqualTo(403);
		assertThat(asAgent.post(PAGE + "/gmail", form).status()).isEqualTo(403);
		asOwner.get(PAGE);
		assertThat(asOwner.postWithoutToken(PAGE + "/gmail", form).status()).isEqualTo(403);
		DashboardClient.Page invalid = asOwner.post(PAGE + "/gmail", Map.of("gmailName", "", "gmailAddress", "no"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("id=\"gmailName-error\"")
			.contains("id=\"gmailAddress-error\"")
			.doesNotContain("id=\"displayName-error\"");
		assertThat(this.api.get("/api/email-inboxes", this.workspace.owner().token()).data().size()).isZero();

		DashboardClient.Page started = asOwner.post(PAGE + "/gmail", form);
		assertThat(started.status()).isEqualTo(302);
		assertThat(started.location()).startsWith(GOOGLE.url() + "/auth?");
	}

	private JsonNode inbox() {
		return this.api.get("/api/email-inboxes", this.workspace.owner().token()).data().get(0);
	}

	private static GoogleStandIn standIn() {
		try {
			return new GoogleStandIn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

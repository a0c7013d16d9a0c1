package io.parley.dashboard;

import java.util.Map;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canned responses' settings page over HTTP: an agent keeps private ones and may not
 * touch the shared ones, a supervisor writes shared ones, a refused shortcut shows beside
 * its field with what was typed, and a form without the CSRF token changes nothing.
 */
@ParleyIntegrationTest
class DashboardCannedResponseSettingsIntegrationTests {

	static final String PAGE = "/app/settings/canned-responses";

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
	}

	@Test
	void anAgentKeepsPrivateResponsesAndIsRefusedSharedOnes() {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		String shared = this.api
			.post("/api/canned-responses", this.workspace.owner().token(), Map.of("shortcut", "refund", "title",
					"Refunds", "body", "We refund within 14 days.", "visibility", "shared"))
			.data()
			.get("id")
			.stringValue();
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);

		Page index = browser.get("/app/settings");
		Page page = browser.get(PAGE);
		Page created = browser.post(PAGE, Map.of("shortcut", "hello", "title", "Greeting", "body",
				"Hi {{contact.name}}!", "visibility", "private"));
		Page forgedShare = browser.post(PAGE,
				Map.of("shortcut", "mine", "title", "Mine", "body", "Shared by an agent", "visibility", "shared"));
		Page editShared = browser.post(PAGE + "/" + shared,
				Map.of("shortcut", "refund", "title", "Changed", "body", "Changed", "visibility", "shared"));
		Page deleteShared = browser.post(PAGE + "/" + shared + "/delete", Map.of());

		assertThat(index.body()).contains("id=\"section-canned-responses\"").contains("id=\"section-two-factor\"");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("/refund")
			.contains("We refund within 14 days.")
			.doesNotContain("id=\"edit-refund-shared\"")
			.doesNotContain("name=\"visibility\" value=\"shared\"")
			.contains("{{contact.name}}");
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		assertThat(browser.get(PAGE + "?saved").body()).contains("/hello").contains("id=\"edit-hello-private\"");
		assertThat(forgedShare.status()).isEqualTo(403);
		assertThat(editShared.status()).isEqualTo(403);
		assertThat(deleteShared.status()).isEqualTo(403);
		JsonNode listed = this.api.get("/api/canned-responses", this.workspace.owner().token()).data();
		assertThat(listed.get("items").toString()).contains("Refunds").doesNotContain("Changed").doesNotContain("Mine");
		assertThat(this.api.get("/api/canned-responses", agent.token()).data().get("items").size()).isEqualTo(2);
	}

	@Test
	void aTakenOrMalformedShortcutIsShownBesideItsFieldWithWhatWasTyped() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		DashboardClient browser = DashboardClient.signedIn(this.port, supervisor.email(), TestWorkspace.PASSWORD);
		browser.get(PAGE);
		browser.post(PAGE,
				Map.of("shortcut", "ship", "title", "Shipping", "body", "Ships today.", "visibility", "shared"));

		Page taken = browser.post(PAGE, Map.of("shortcut", "ship", "title", "Shipping again", "body", "Ships tomorrow.",
				"visibility", "shared"));
		Page malformed = browser.post(PAGE,
				Map.of("shortcut", "Ship It", "title", "Shout", "body", "Ships!", "visibility", "private"));
		Page noTitle = browser.post(PAGE,
				Map.of("shortcut", "empty", "title", " ", "body", "Text", "visibility", "private"));
		Page privateTwin = browser.post(PAGE,
				Map.of("shortcut", "ship", "title", "My shipping", "body", "Mine.", "visibility", "private"));

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("id=\"shortcut-error\"")
			.contains("This shortcut is taken already.")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"Shipping again\"")
			.contains("Ships tomorrow.")
			.doesNotContain("Something went wrong");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("id=\"shortcut-error\"")
			.contains("lower-case letters, digits and dashes");
		assertThat(noTitle.status()).isEqualTo(400);
		assertThat(noTitle.body()).contains("id=\"title-error\"").doesNotContain("id=\"shortcut-error\"");
		assertThat(privateTwin.status()).as("a private one may have a shared one's shortcut").isEqualTo(302);
		JsonNode items = this.api.get("/api/canned-responses", supervisor.token()).data().get("items");
		assertThat(items.size()).isEqualTo(2);
	}

	@Test
	void aSupervisorEditsAndDeletesASharedResponseAndNoFormWorksWithoutItsToken() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		String mine = this.api
			.post("/api/canned-responses", agent.token(),
					Map.of("shortcut", "secret", "title", "Agent's own", "body", "Only mine."))
			.data()
			.get("id")
			.stringValue();
		DashboardClient browser = DashboardClient.signedIn(this.port, supervisor.email(), TestWorkspace.PASSWORD);
		browser.get(PAGE);
		browser.post(PAGE,
				Map.of("shortcut", "bye", "title", "Goodbye", "body", "Bye <b>now</b>", "visibility", "shared"));
		String id = this.api.get("/api/canned-responses", supervisor.token())
			.data()
			.get("items")
			.get(0)
			.get("id")
			.stringValue();

		Page forged = browser.postWithoutToken(PAGE, Map.of("shortcut", "forged", "title", "Forged", "body", "x"));
		Page editor = browser.get(PAGE + "/" + id);
		Page edited = browser.post(PAGE + "/" + id,
				Map.of("shortcut", "bye", "title", "Farewell", "body", "Bye now", "visibility", "shared"));
		Page othersPrivate = browser.get(PAGE + "/" + mine);
		Page forgedDelete = browser.postWithoutToken(PAGE + "/" + id + "/delete", Map.of());
		assertThat(this.api.get("/api/canned-responses/" + id, supervisor.token()).status()).isEqualTo(200);
		Page deleted = browser.post(PAGE + "/" + id + "/delete", Map.of());

		assertThat(forged.status()).isEqualTo(403);
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("Bye &lt;b&gt;now&lt;/b&gt;").doesNotContain("<b>now</b>");
		assertThat(edited.status()).isEqualTo(302);
		assertThat(othersPrivate.status()).isEqualTo(404);
		assertThat(forgedDelete.status()).isEqualTo(403);
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(browser.get(PAGE + "?deleted").body()).contains("Deleted.").doesNotContain("Farewell");
		assertThat(this.api.get("/api/canned-responses", supervisor.token()).data().get("items").size()).isZero();
	}

}

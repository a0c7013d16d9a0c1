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
 * The settings pages over HTTP, as their forms send them: each offered and open only to
 * the roles that may use it, forms without the CSRF token refused with nothing changed,
 * and bad values refused whole.
 */
@ParleyIntegrationTest
class DashboardSettingsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anAgentIsOfferedNoWorkspaceOrWidgetSettingsAndIsRefusedThem() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);

		Page index = browser.get("/app/settings");
		Page settings = browser.get("/app/settings/workspace");
		Page widget = browser.get("/app/settings/widget");
		Page rename = browser.post("/app/settings/workspace", Map.of("name", "Taken over", "timeZone", "UTC"));
		Page recolor = browser.post("/app/settings/widget", Map.of("primaryColor", "#000000"));

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("href=\"/app/settings\"")
			.doesNotContain("id=\"section-workspace\"")
			.doesNotContain("id=\"section-widget\"");
		assertThat(settings.status()).isEqualTo(403);
		assertThat(settings.body()).contains("You may not do this with your role.");
		assertThat(widget.status()).isEqualTo(403);
		assertThat(rename.status()).isEqualTo(403);
		assertThat(recolor.status()).isEqualTo(403);
		JsonNode current = this.api.get("/api/workspace", workspace.owner().token()).data();
		assertThat(current.get("name").stringValue()).isNotEqualTo("Taken over");
		assertThat(chatSettings(workspace).get("primaryColor").stringValue()).isEqualTo("#2563eb");
	}

	@Test
	void theOwnerRenamesTheWorkspaceAndSetsItsTimeZone() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		Page index = owner.get("/app/settings");
		Page page = owner.get("/app/settings/workspace");

		Page saved = owner.post("/app/settings/workspace", Map.of("name", "Acme Support", "timeZone", "Europe/Berlin"));
		Page unknownZone = owner.post("/app/settings/workspace", Map.of("name", "Acme", "timeZone", "Mars/Olympus"));
		Page blankName = owner.post("/app/settings/workspace", Map.of("name", " ", "timeZone", "UTC"));
		Page twoFactorFirst = owner.post("/app/settings/workspace",
				Map.of("name", "Acme", "timeZone", "UTC", "requireTwoFactor", "true"));

		assertThat(index.body()).contains("id=\"section-workspace\"").contains("id=\"section-widget\"");
		assertThat(page.body()).contains("<option value=\"Europe/Berlin\">");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(owner.get("/app/settings/workspace?saved").body()).contains("value=\"Acme Support\"")
			.contains("<option value=\"Europe/Berlin\" selected=\"selected\">")
			.contains("Saved.");
		assertThat(unknownZone.status()).isEqualTo(400);
		assertThat(unknownZone.body()).as("the form again, the reason beside the field")
			.contains("id=\"timeZone-error\"")
			.contains("Choose a time zone from the list.")
			.contains("value=\"Acme\"")
			.doesNotContain("Something went wrong");
		assertThat(blankName.status()).isEqualTo(400);
		assertThat(blankName.body()).contains("id=\"name-error\"").doesNotContain("id=\"timeZone-error\"");
		assertThat(twoFactorFirst.status()).isEqualTo(403);
		assertThat(twoFactorFirst.body()).contains("id=\"requireTwoFactor-error\"")
			.contains("Turn on your own second factor first");
		JsonNode current = this.api.get("/api/workspace", workspace.owner().token()).data();
		assertThat(current.get("name").stringValue()).isEqualTo("Acme Support");
		assertThat(current.get("requireTwoFactor").asBoolean()).isFalse();
	}

	@Test
	void anAdminChangesTheWidgetAndTheRestOfTheChatSettingsStays() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		this.api.send("PUT", "/api/chat/settings", workspace.owner().token(), "application/json",
				"{\"allowedTopics\": [\"billing\"], \"primaryColor\": \"#111111\"}");
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		Page page = browser.get("/app/settings/widget");

		Page forged = browser.postWithoutToken("/app/settings/widget", form("#ff0000", "acme.com"));
		Page bad = browser.post("/app/settings/widget", form("#ff0000", "https://acme.com/path"));
		Page badColor = browser.post("/app/settings/widget", form("red", "acme.com"));
		Page saved = browser.post("/app/settings/widget", form("#db2777", "acme.com\n*.acme.com"));

		String key = chatSettings(workspace).get("widgetKey").stringValue();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-key=&quot;" + key + "&quot;")
			.contains("value=\"#111111\"")
			.contains("Every website may embed this widget");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"allowedDomains-error\"")
			.contains("https://acme.com/path")
			.doesNotContain("id=\"primaryColor-error\"");
		assertThat(badColor.status()).isEqualTo(400);
		assertThat(badColor.body()).contains("id=\"primaryColor-error\"")
			.contains("Choose a color such as #2563eb.")
			.doesNotContain("id=\"allowedDomains-error\"");
		assertThat(saved.status()).isEqualTo(302);
		JsonNode settings = chatSettings(workspace);
		assertThat(settings.get("primaryColor").stringValue()).isEqualTo("#db2777");
		assertThat(settings.get("allowedDomains").toString()).isEqualTo("[\"acme.com\",\"*.acme.com\"]");
		assertThat(settings.get("welcomeMessage").stringValue()).isEqualTo("Hello there");
		assertThat(settings.get("preChat").get("email").stringValue()).isEqualTo("required");
		assertThat(settings.get("allowedTopics").toString()).as("kept").isEqualTo("[\"billing\"]");
		assertThat(browser.get("/app/settings/widget").body()).doesNotContain("Every website may embed this widget");
	}

	private JsonNode chatSettings(TestWorkspace workspace) {
		return this.api.get("/api/chat/settings", workspace.owner().token()).data();
	}

	private static Map<String, String> form(String color, String domains) {
		return Map.of("primaryColor", color, "theme", "light", "position", "bottom-right", "launcherTitle", "Chat",
				"welcomeMessage", "Hello there", "offlineMessage", "Away", "allowedDomains", domains, "preChatName",
				"optional", "preChatEmail", "required", "preChatPhone", "off");
	}

}

package io.parley.widget;

import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class ChatSettingsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Team team;

	String owner;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		// a workspace of its own, so other tests' settings do not interfere
		this.owner = this.api.post("/api/workspaces", this.team.admin().token(), Map.of("name", "Acme"))
			.data()
			.get("token")
			.stringValue();
	}

	@Test
	void aNewWorkspaceHasDefaultSettings() {
		JsonNode settings = get(this.owner).data();

		assertThat(settings.get("theme").stringValue()).isEqualTo("light");
		assertThat(settings.get("position").stringValue()).isEqualTo("bottom-right");
		assertThat(settings.get("welcomeMessage").stringValue()).isEqualTo("Hi! How can we help you today?");
		assertThat(settings.get("cannedReplies").size()).isZero();
	}

	@Test
	void anAdminReplacesTheSettingsAndMissingFieldsTakeTheirDefaults() {
		Reply saved = put(this.owner,
				Map.of("domain", "acme.com", "theme", "dark", "primaryColor", "#007bff", "allowedTopics",
						List.of("billing", "shipping"), "cannedReplies",
						List.of(Map.of("title", "Thanks", "content", "Thanks for reaching out!")), "botConfig",
						Map.of("model", "small", "temperature", 0.2)));

		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		JsonNode settings = get(this.owner).data();
		assertThat(settings.get("domain").stringValue()).isEqualTo("acme.com");
		assertThat(settings.get("theme").stringValue()).isEqualTo("dark");
		assertThat(settings.get("allowedTopics").toString()).isEqualTo("[\"billing\",\"shipping\"]");
		assertThat(settings.get("cannedReplies").get(0).get("title").stringValue()).isEqualTo("Thanks");
		assertThat(settings.get("botConfig").get("model").stringValue()).isEqualTo("small");
		assertThat(settings.get("position").stringValue()).isEqualTo("bottom-right");
	}

	@Test
	void badSettingsAreRefusedAndChangeNothing() {
		put(this.owner, Map.of("theme", "dark"));
		String before = get(this.owner).raw();

		for (Map<String, ?> bad : List.of(Map.of("theme", "neon"), Map.of("primaryColor", "blue"),
				Map.of("position", "top"), Map.of("cannedReplies", List.of(Map.of("title", ""))),
				Map.of("branding", Map.of("logoUrl", "javascript:alert(1)")), Map.of("domain", "acme.com/<script>"))) {
			Reply reply = put(this.owner, bad);
			assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("Invalid request schema");
		}
		assertThat(get(this.owner).raw()).isEqualTo(before);
	}

	@Test
	void onlyTheStaffReadsAndOnlyAdminsChangeTheSettings() {
		assertThat(get(this.team.agent().token()).status()).isEqualTo(200);
		assertThat(get(this.team.candidate().token()).error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(put(this.team.supervisor().token(), Map.of("theme", "dark")).status()).isEqualTo(403);
		assertThat(put(this.team.admin().token(), Map.of("theme", "light")).status()).isEqualTo(200);
		assertThat(get(this.owner).data().get("theme").stringValue()).as("each workspace has its own settings")
			.isEqualTo("light");
	}

	@Test
	void theWidgetsSettingsAreKeptAndSeed004sOlderFieldsFollowThem() {
		Map<String, Object> hours = Map.of("timeZone", "Europe/Berlin", "days",
				Map.of("monday", List.of(Map.of("from", "09:00", "to", "17:00")), "saturday",
						List.of(Map.of("from", "10:00", "to", "24:00"))));
		Reply saved = put(this.owner,
				Map.of("theme", "auto", "allowedDomains", List.of("acme.com", "*.acme.com"), "launcherTitle", "Ask us",
						"offlineMessage", "Back at nine", "identityRequired", true, "businessHours", hours, "preChat",
						Map.of("name", "required", "email", "off", "phone", "optional", "custom",
								List.of(Map.of("key", "company", "label", "Company", "required", false)))));

		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		JsonNode settings = get(this.owner).data();
		assertThat(settings.get("theme").stringValue()).isEqualTo("auto");
		assertThat(settings.get("allowedDomains").toString()).isEqualTo("[\"acme.com\",\"*.acme.com\"]");
		assertThat(settings.get("domain").stringValue()).isEqualTo("acme.com");
		assertThat(settings.get("launcherTitle").stringValue()).isEqualTo("Ask us");
		assertThat(settings.get("offlineMessage").stringValue()).isEqualTo("Back at nine");
		assertThat(settings.get("identityRequired").asBoolean()).isTrue();
		assertThat(settings.get("businessHours").get("timeZone").stringValue()).isEqualTo("Europe/Berlin");
		assertThat(settings.get("preChat").get("name").stringValue()).isEqualTo("required");
		assertThat(settings.get("preChat").get("custom").get(0).get("key").stringValue()).isEqualTo("company");
		assertThat(settings.get("collectName").asBoolean()).isTrue();
		assertThat(settings.get("collectEmail").asBoolean()).isFalse();
		assertThat(settings.get("widgetKey").stringValue()).startsWith("wk_");
		assertThat(settings.get("warnings").size()).isZero();

		put(this.owner, Map.of("domain", "shop.example", "collectEmail", false, "collectName", true));
		JsonNode seed004 = get(this.owner).data();
		assertThat(seed004.get("allowedDomains").toString()).isEqualTo("[\"shop.example\"]");
		assertThat(seed004.get("preChat").get("email").stringValue()).isEqualTo("off");
		assertThat(seed004.get("preChat").get("name").stringValue()).isEqualTo("optional");
	}

	@Test
	void badWidgetSettingsAreRefused() {
		for (Map<String, ?> bad : List.of(Map.of("allowedDomains", List.of("https://acme.com/path")),
				Map.of("businessHours", Map.of("timeZone", "Mars/Base", "days", Map.of())),
				Map.of("businessHours",
						Map.of("timeZone", "UTC", "days",
								Map.of("monday", List.of(Map.of("from", "18:00", "to", "09:00"))))),
				Map.of("businessHours", Map.of("timeZone", "UTC", "days", Map.of("someday", List.of()))),
				Map.of("preChat", Map.of("email", "sometimes")),
				Map.of("preChat", Map.of("custom", List.of(Map.of("key", "a b", "label", "A")))), Map.of("preChat", Map
					.of("custom", List.of(Map.of("key", "a", "label", "A"), Map.of("key", "a", "label", "B")))))) {
			Reply reply = put(this.owner, bad);
			assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
		}
	}

	@Test
	void onlyThoseWhoManageTheSettingsSeeAndRotateTheIdentitySecretAndTheKey() {
		// the workspace of its own: its secret is sealed with this run's encryption key
		String adminSecret = this.api.get("/api/chat/settings/identity-secret", this.owner)
			.data()
			.get("identitySecret")
			.stringValue();

		assertThat(adminSecret).hasSize(64);
		assertThat(get(this.team.agent().token()).raw()).doesNotContain(adminSecret);
		assertThat(this.api.get("/api/chat/settings/identity-secret", this.team.agent().token()).status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/chat/settings/identity-secret", this.team.agent().token(), "").status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/chat/settings/widget-key", this.team.agent().token(), "").status())
			.isEqualTo(403);
		String rotated = this.api.post("/api/chat/settings/identity-secret", this.owner, "")
			.data()
			.get("identitySecret")
			.stringValue();
		assertThat(rotated).isNotEqualTo(adminSecret);
		assertThat(this.api.get("/api/chat/settings/identity-secret", this.owner)
			.data()
			.get("identitySecret")
			.stringValue()).isEqualTo(rotated);
	}

	private Reply get(String token) {
		return this.api.get("/api/chat/settings", token);
	}

	private Reply put(String token, Map<String, ?> body) {
		return this.api.send("PUT", "/api/chat/settings", token, "application/json", Api.JSON.writeValueAsString(body));
	}

}

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

	private Reply get(String token) {
		return this.api.get("/api/chat/settings", token);
	}

	private Reply put(String token, Map<String, ?> body) {
		return this.api.send("PUT", "/api/chat/settings", token, "application/json", Api.JSON.writeValueAsString(body));
	}

}

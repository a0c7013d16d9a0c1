package io.parley.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Authenticator;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One's own second factor on its settings page over HTTP: turned on with the shown key (a
 * wrong code asks again beside the field), backup codes shown once and made anew, and
 * turned off with a current code, but not while a workspace requires it; no form works
 * without its CSRF token.
 */
@ParleyIntegrationTest
class DashboardTwoFactorSettingsIntegrationTests {

	static final String PAGE = "/app/settings/two-factor";

	private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>");

	private static final Pattern BACKUP_CODE = Pattern.compile("<li><code>([^<]+)</code></li>");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
	}

	@Test
	void anAgentTurnsItOnMakesNewBackupCodesAndTurnsItOff() {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);
		Page off = browser.get(PAGE);

		Page forgedStart = browser.postWithoutToken(PAGE + "/start", Map.of());
		Page started = browser.post(PAGE + "/start", Map.of());
		Authenticator app = Authenticator.of(group(SECRET, started.body()));
		Page wrong = browser.post(PAGE + "/confirm", Map.of("code", "000000"));
		Page confirmed = browser.post(PAGE + "/confirm", Map.of("code", app.codeAt(this.clock.instant())));
		Page on = browser.get(PAGE);
		this.clock.advance(Duration.ofSeconds(30));
		Page forgedCodes = browser.postWithoutToken(PAGE + "/backup-codes",
				Map.of("code", app.codeAt(this.clock.instant())));
		Page newCodes = browser.post(PAGE + "/backup-codes", Map.of("code", app.codeAt(this.clock.instant())));
		Page wrongOff = browser.post(PAGE + "/disable", Map.of("code", group(BACKUP_CODE, confirmed.body())));
		Page turnedOff = browser.post(PAGE + "/disable", Map.of("code", group(BACKUP_CODE, newCodes.body())));

		assertThat(off.status()).isEqualTo(200);
		assertThat(off.body()).contains("Two-factor authentication is off");
		assertThat(forgedStart.status()).isEqualTo(403);
		assertThat(started.status()).isEqualTo(200);
		assertThat(started.body()).contains("id=\"two-factor-qr\"")
			.contains("viewBox=\"0 0 ")
			.containsPattern("<path fill=\"#000000\" d=\"M\\d+ \\d+h1v1h-1z")
			.contains("otpauth://totp/");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("id=\"code-error\"")
			.contains("That code is not right.")
			.doesNotContain("id=\"secret\"");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.body().split("<li><code>", -1)).hasSize(11);
		assertThat(on.body()).contains("Backup codes left: 10.").doesNotContain("<li><code>");
		assertThat(forgedCodes.status()).isEqualTo(403);
		assertThat(newCodes.status()).as(newCodes.body()).isEqualTo(200);
		assertThat(newCodes.body().split("<li><code>", -1)).hasSize(11);
		assertThat(wrongOff.status()).as("the old backup codes are void").isEqualTo(400);
		assertThat(wrongOff.body()).contains("id=\"disableCode-error\"");
		assertThat(turnedOff.status()).isEqualTo(302);
		assertThat(this.api.get("/api/account/two-factor", agent.token()).data().get("enabled").asBoolean()).isFalse();
	}

	@Test
	void aWorkspaceThatRequiresItKeepsItOnAndTheApiSaysWhy() {
		TestUser admin = this.workspace.join(this.api, Map.of("role", "admin"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		browser.get(PAGE);
		Authenticator app = Authenticator.of(group(SECRET, browser.post(PAGE + "/start", Map.of()).body()));
		browser.post(PAGE + "/confirm", Map.of("code", app.codeAt(this.clock.instant())));
		browser.get("/app/settings/workspace");
		Page required = browser.post("/app/settings/workspace",
				Map.of("name", "Acme", "timeZone", "UTC", "requireTwoFactor", "true"));
		this.clock.advance(Duration.ofSeconds(30));

		Page page = browser.get(PAGE);
		Page refused = browser.post(PAGE + "/disable", Map.of("code", app.codeAt(this.clock.instant())));
		var api = this.api.send("DELETE", "/api/account/two-factor", admin.token(), "application/json",
				"{\"code\":\"" + app.codeAt(this.clock.instant()) + "\"}");

		assertThat(required.status()).isEqualTo(302);
		assertThat(page.body()).contains("id=\"two-factor-required\"").doesNotContain("id=\"two-factor-disable\"");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("A workspace you work in requires two-factor authentication");
		assertThat(api.status()).isEqualTo(409);
		assertThat(api.raw()).contains("A workspace you work in requires two-factor authentication");
		assertThat(this.api.get("/api/account/two-factor", admin.token()).data().get("enabled").asBoolean()).isTrue();
	}

	private static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}

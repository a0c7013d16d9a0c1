package io.parley.dashboard;

import java.time.Duration;
import java.util.Map;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
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
 * The dashboard's browser session over HTTP (decision 77): signing in with and without a
 * second factor, the cookie's flags, CSRF on every form and htmx request, signing out,
 * the workspace switcher, and a membership that ends while signed in.
 */
@ParleyIntegrationTest
class DashboardSessionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.clock.reset();
	}

	@Test
	void aPageWithoutASessionSendsTheBrowserToSignIn() {
		DashboardClient browser = new DashboardClient(this.port);

		Page inbox = browser.get("/app/inbox");
		Page fragment = browser.htmx("/app/inbox");

		assertThat(inbox.status()).isEqualTo(302);
		assertThat(inbox.location()).endsWith("/app/login");
		assertThat(fragment.status()).isEqualTo(401);
		assertThat(browser.get("/app/login").body()).contains("<h1>Sign in</h1>");
	}

	@Test
	void anAgentSignsInAndSeesTheirInboxInAnHttpOnlySameSiteSession() {
		Team team = this.api.team();
		String conversation = this.api.assignedConversation(team);
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/app/login");

		Page signedIn = browser.post("/app/login", Map.of("email", team.agent().email(), "password", "secret123"));
		Page inbox = browser.get("/app/inbox");

		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/app/inbox");
		assertThat(signedIn.setCookies()).anySatisfy((cookie) -> assertThat(cookie).startsWith("PARLEY_SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.body()).contains("data-id=\"" + conversation + "\"").contains("Test agent");
	}

	@Test
	void aWrongPasswordShowsWhyAndStartsNoSession() {
		TestUser agent = this.api.signUp("supervisor");
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/app/login");

		Page refused = browser.post("/app/login", Map.of("email", agent.email(), "password", "wrong-password"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Invalid email or password.").contains("value=\"" + agent.email() + "\"");
		assertThat(browser.cookie("PARLEY_SESSION")).isEmpty();
		assertThat(browser.get("/app/inbox").status()).isEqualTo(302);
	}

	@Test
	void everyFormAndHtmxPostNeedsTheCsrfTokenOfThePage() {
		TestUser agent = this.api.signUp("supervisor");
		DashboardClient stranger = new DashboardClient(this.port);
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), "secret123");
		browser.get("/app/inbox");

		Page withoutToken = stranger.postWithoutToken("/app/login",
				Map.of("email", agent.email(), "password", "secret123"));
		Page forgedSignOut = browser.postWithoutToken("/app/logout", Map.of());
		Page forgedTicket = browser.postWithoutToken("/app/socket-ticket", Map.of());
		Page ticket = browser.postWithHeaderToken("/app/socket-ticket");

		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(stranger.cookie("PARLEY_SESSION")).isEmpty();
		assertThat(forgedSignOut.status()).isEqualTo(403);
		assertThat(forgedTicket.status()).isEqualTo(403);
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
		assertThat(ticket.body()).matches("\\{\"ticket\":\"[A-Za-z0-9_-]{43}\"}");
		assertThat(browser.get("/app/inbox").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void signingOutEndsTheSessionForEveryCopyOfItsCookie() {
		TestUser agent = this.api.signUp("supervisor");
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), "secret123");
		browser.get("/app/inbox");
		DashboardClient stolen = browser.copy();

		Page signedOut = browser.post("/app/logout", Map.of());

		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.location()).endsWith("/app/login?signedOut");
		assertThat(browser.get("/app/login?signedOut").body()).contains("You are signed out.");
		assertThat(stolen.get("/app/inbox").status()).isEqualTo(302);
	}

	@Test
	void anAccountWithASecondFactorIsAskedForItsCode() {
		TestUser supervisor = this.api.signUp("supervisor");
		Reply started = this.api.post("/api/account/two-factor", supervisor.token(), "{}");
		Authenticator app = Authenticator.of(started.data().get("secret").stringValue());
		assertThat(this.api
			.post("/api/account/two-factor/confirm", supervisor.token(),
					Map.of("code", app.codeAt(this.clock.instant())))
			.status()).isEqualTo(200);
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/app/login");

		Page step = browser.post("/app/login", Map.of("email", supervisor.email(), "password", "secret123"));
		String challenge = step.body().replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
		Page beforeTheCode = browser.get("/app/inbox");
		Page wrong = browser.post("/app/login/two-factor", Map.of("challenge", challenge, "code", "000000"));
		this.clock.advance(Duration.ofSeconds(30));
		Page signedIn = browser.post("/app/login/two-factor",
				Map.of("challenge", challenge, "code", app.codeAt(this.clock.instant())));

		assertThat(step.status()).isEqualTo(200);
		assertThat(step.body()).contains("Enter the code from your authenticator app");
		assertThat(beforeTheCode.status()).as("no session before the code").isEqualTo(302);
		assertThat(wrong.body()).contains("That code is not right.");
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
		assertThat(signedIn.location()).endsWith("/app/inbox");
		assertThat(browser.get("/app/inbox").status()).isEqualTo(200);
	}

	@Test
	void aWorkspaceThatRequiresASecondFactorSetsItUpDuringTheSignIn() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		Reply enable = this.api.post("/api/account/two-factor", workspace.owner().token(), "{}");
		Authenticator owner = Authenticator.of(enable.data().get("secret").stringValue());
		this.api.post("/api/account/two-factor/confirm", workspace.owner().token(),
				Map.of("code", owner.codeAt(this.clock.instant())));
		assertThat(this.api
			.send("PATCH", "/api/workspace", workspace.owner().token(), "application/json",
					"{\"requireTwoFactor\":true}")
			.status()).isEqualTo(200);
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/app/login");

		Page step = browser.post("/app/login", Map.of("email", agent.email(), "password", TestWorkspace.PASSWORD));
		String challenge = step.body().replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
		String secret = step.body().replaceAll("(?s).*<code id=\"secret\">([A-Z2-7]+)</code>.*", "$1");
		Page codes = browser.post("/app/login/two-factor", Map.of("challenge", challenge, "enrolment", "true", "code",
				Authenticator.of(secret).codeAt(this.clock.instant())));

		assertThat(step.body()).contains("This workspace requires a second factor.");
		assertThat(codes.status()).as(codes.body()).isEqualTo(200);
		assertThat(codes.body()).contains("Your backup codes");
		assertThat(codes.body().split("<li><code>", -1)).hasSizeGreaterThan(8);
		assertThat(browser.get("/app/inbox").status()).isEqualTo(200);
	}

	@Test
	void aMemberDeactivatedWhileSignedInIsOutAtTheirNextClick() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);
		assertThat(browser.get("/app/inbox").status()).isEqualTo(200);

		Reply deactivated = this.api.post("/api/members/" + agent.id() + "/deactivate", workspace.owner().token(),
				"{}");

		assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
		assertThat(browser.get("/app/inbox").status()).isEqualTo(302);
	}

	@Test
	void theSwitcherMovesTheSessionToAnotherWorkspaceOfTheMember() {
		TestWorkspace first = TestWorkspace.create(this.api, "First " + System.nanoTime());
		TestWorkspace second = TestWorkspace.create(this.api, "Second " + System.nanoTime());
		second.admit(this.api, first.owner(), Map.of("role", "supervisor"));
		DashboardClient browser = DashboardClient.signedIn(this.port, first.owner().email(), TestWorkspace.PASSWORD);
		Page before = browser.get("/app/inbox");

		Page switched = browser.post("/app/workspace", Map.of("workspaceId", second.id()));
		Page after = browser.get("/app/inbox");
		Page elsewhere = browser.post("/app/workspace", Map.of("workspaceId", TestWorkspace.create(this.api).id()));

		assertThat(before.body()).contains("<option value=\"" + first.id() + "\" selected=\"selected\"");
		assertThat(switched.status()).isEqualTo(302);
		assertThat(after.body()).contains("<option value=\"" + second.id() + "\" selected=\"selected\"");
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(elsewhere.body()).contains("You are not a member of that workspace.");
	}

	@Test
	void pagesSpeakTheBrowsersLanguage() {
		DashboardClient browser = new DashboardClient(this.port);

		assertThat(browser.get("/app/login").body()).contains("<html lang=\"en\"");
		assertThat(browser.getInLanguage("/app/login", "de-DE,de;q=0.9").body()).contains("<html lang=\"de\"")
			.contains("<h1>Anmelden</h1>");
	}

	@Test
	void aMembersChosenLanguageFollowsThemToTheirNextSignIn() {
		TestUser supervisor = this.api.signUp("supervisor");
		DashboardClient browser = DashboardClient.signedIn(this.port, supervisor.email(), "secret123");
		browser.get("/app/inbox");

		Page chosen = browser.post("/app/language", Map.of("language", "de", "back", "/app/notifications"));
		Page outside = browser.post("/app/language", Map.of("language", "de", "back", "//evil.example/"));
		Page unknown = browser.post("/app/language", Map.of("language", "xx"));
		DashboardClient later = DashboardClient.signedIn(this.port, supervisor.email(), "secret123");

		assertThat(chosen.status()).isEqualTo(302);
		assertThat(chosen.location()).endsWith("/app/notifications");
		assertThat(browser.get("/app/inbox").body()).contains("<html lang=\"de\"").contains("Posteingang");
		assertThat(outside.location()).endsWith("/app/inbox");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(later.getInLanguage("/app/inbox", "en").body()).contains("<html lang=\"de\"");
		assertThat(new DashboardClient(this.port).getInLanguage("/app/login", "en").body())
			.contains("<html lang=\"en\"");
	}

}

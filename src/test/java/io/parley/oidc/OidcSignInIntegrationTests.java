package io.parley.oidc;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserDirectory;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Authenticator;
import io.parley.support.Browser;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestClock;
import io.parley.support.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and linking through a real OpenID Connect provider running in the test
 * (mock-oauth2-server), driven by a browser that follows redirects and keeps cookies. The
 * application listens on a port chosen before it starts, since the provider sends the
 * browser back to its public address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
@DirtiesContext // its own settings: closed after, so its connections are not kept
@ExtendWith({ OutputCaptureExtension.class, SecretsStayOutOfTheLog.class })
class OidcSignInIntegrationTests {

	private static final String CLIENT_ID = "parley-test";

	private static final String ISSUER_ID = "default";

	private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

	private static final int PORT = freePort();

	static {
		PROVIDER.start();
	}

	@Autowired
	UserDirectory users;

	@Autowired
	TestClock clock;

	Api api;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("parley.public-url", () -> "http://localhost:" + PORT);
		registry.add("parley.oidc.issuer", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
		registry.add("parley.oidc.name", () -> "test-idp");
		registry.add("parley.oidc.client-id", () -> CLIENT_ID);
		registry.add("parley.oidc.client-secret", () -> "test-secret");
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.shutdown();
	}

	@BeforeEach
	void setUp() {
		this.api = new Api(PORT);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anExistingUserSignsInByTheirVerifiedEmailAndTheTokensWorkOnTheApi(CapturedOutput output) {
		TestUser user = this.api.signUp("supervisor");
		String subject = nextSignIn(user.email().toUpperCase(), true);
		ProviderBrowser browser = new ProviderBrowser(PORT);

		Reply signedIn = browser.signIn("test-idp");

		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		assertThat(signedIn.data().get("provider").stringValue()).isEqualTo("test-idp");
		assertThat(signedIn.data().get("expiresIn").asLong()).isEqualTo(900);
		String token = signedIn.data().get("token").stringValue();
		Reply me = this.api.get("/auth/me", token);
		assertThat(me.status()).as(me.raw()).isEqualTo(200);
		assertThat(me.data().get("email").stringValue()).isEqualTo(user.email());
		assertThat(this.api.get("/api/workspaces", token).status()).isEqualTo(200);
		Reply refreshed = this.api.post("/auth/refresh", null,
				Map.of("refreshToken", signedIn.data().get("refreshToken").stringValue()));
		assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain(token)
			.doesNotContain(signedIn.data().get("refreshToken").stringValue())
			.contains("signed in through test-idp")
			.doesNotContain(subject.toUpperCase());
	}

	@Test
	void theRoundTripUsesPkceAStateAndANonceAndNoTokenTravelsInAnAddress(CapturedOutput output) {
		TestUser user = this.api.signUp("supervisor");
		nextSignIn(user.email(), true);
		ProviderBrowser browser = new ProviderBrowser(PORT);

		HttpResponse<String> start = browser.step("/auth/oidc/test-idp");
		URI authorize = location(start);
		Map<String, String> asked = query(authorize);
		HttpResponse<String> provider = browser.step(authorize.toString());
		URI callback = location(provider);
		String providerCode = query(callback).get("code");
		HttpResponse<String> result = browser.step(callback.toString());
		URI page = location(result);
		Reply signedIn = browser.exchange();

		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(authorize.toString()).startsWith(PROVIDER.authorizationEndpointUrl(ISSUER_ID).toString());
		assertThat(asked).containsEntry("code_challenge_method", "S256")
			.containsEntry("client_id", CLIENT_ID)
			.containsEntry("redirect_uri", "http://localhost:" + PORT + "/login/oauth2/code/test-idp")
			.containsKeys("code_challenge", "state", "nonce");
		assertThat(asked.get("scope")).contains("openid").contains("email");
		assertThat(page.getPath()).isEqualTo("/oidc.html");
		assertThat(page.getQuery()).isNull();
		assertThat(page.getFragment()).isNull();
		String cookie = result.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("parley_oidc="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).startsWith("parley_oidc=")
			.contains("Path=/auth/oidc/exchange")
			.contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Max-Age=60");
		String parleyCode = cookie.substring("parley_oidc=".length(), cookie.indexOf(';'));
		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain(parleyCode)
			.doesNotContain(providerCode)
			.doesNotContain(signedIn.data().get("token").stringValue())
			.doesNotContain(signedIn.data().get("refreshToken").stringValue());
	}

	@Test
	void aCodeIsExchangedOnce() {
		TestUser user = this.api.signUp("supervisor");
		nextSignIn(user.email(), true);
		ProviderBrowser browser = new ProviderBrowser(PORT);
		browser.open("/auth/oidc/test-idp");
		String cookie = browser.cookies()
			.getCookieStore()
			.getCookies()
			.stream()
			.filter((held) -> held.getName().equals("parley_oidc"))
			.findFirst()
			.orElseThrow()
			.getValue();

		Reply first = browser.exchange();
		ProviderBrowser thief = new ProviderBrowser(PORT);
		thief.cookies()
			.getCookieStore()
			.add(URI.create("http://localhost:" + PORT + "/auth/oidc/exchange"), new HttpCookie("parley_oidc", cookie));
		Reply again = thief.exchange();

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.error()).isEqualTo("Sign-in code invalid or expired, sign in again");
		assertThat(new ProviderBrowser(PORT).exchange().error())
			.isEqualTo("Sign-in code invalid or expired, sign in again");
	}

	@Test
	void anAccountWithASecondFactorIsAskedForItAfterTheProvider(CapturedOutput output) {
		TestUser user = this.api.signUp("supervisor");
		Reply started = this.api.post("/api/account/two-factor", user.token(), "{}");
		Authenticator app = Authenticator.of(started.data().get("secret").stringValue());
		assertThat(this.api
			.post("/api/account/two-factor/confirm", user.token(), Map.of("code", app.codeAt(this.clock.instant())))
			.status()).isEqualTo(200);
		nextSignIn(user.email(), true);

		Reply step = new ProviderBrowser(PORT).signIn("test-idp");
		this.clock.advance(Duration.ofSeconds(30));
		Reply signedIn = this.api.post("/auth/login/two-factor", null, Map.of("challenge",
				step.data().get("challenge").stringValue(), "code", app.codeAt(this.clock.instant())));

		assertThat(step.status()).as(step.raw()).isEqualTo(200);
		assertThat(step.data().get("twoFactorRequired").asBoolean()).isTrue();
		assertThat(step.data().has("token")).isFalse();
		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		assertThat(
				this.api.get("/auth/me", signedIn.data().get("token").stringValue()).data().get("email").stringValue())
			.isEqualTo(user.email());
		assertThat(output.getOut()).doesNotContain(step.data().get("challenge").stringValue());
	}

	@Test
	void anEmailTheProviderHasNotVerifiedSignsNobodyIn() {
		TestUser user = this.api.signUp("supervisor");
		nextSignIn(user.email(), false);

		Reply refused = new ProviderBrowser(PORT).signIn("test-idp");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo("The provider has not verified this email address");
	}

	@Test
	void anUnknownEmailCreatesNoAccount() {
		String stranger = "stranger-" + UUID.randomUUID() + "@example.com";
		nextSignIn(stranger, true);

		Reply refused = new ProviderBrowser(PORT).signIn("test-idp");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo(
				"No Parley account has this email: accept an invitation or sign up first, then link the provider");
		assertThat(this.users.findByEmail(stranger)).isEmpty();
	}

	@Test
	void aLinkedAccountSignsInByItsSubjectWhateverEmailTheProviderReports() {
		TestUser user = this.api.signUp("agent", this.api.signUp("supervisor"));
		Reply request = this.api.post("/api/oidc/links/test-idp", user.token(), Map.of());
		assertThat(request.status()).as(request.raw()).isEqualTo(200);
		String subject = "subject-" + UUID.randomUUID();
		nextSignIn(subject, "private-" + UUID.randomUUID() + "@elsewhere.example", false);
		ProviderBrowser browser = new ProviderBrowser(PORT);
		HttpResponse<String> page = browser.open(request.data().get("url").stringValue());
		Reply linked = browser.exchange();
		assertThat(page.uri().getPath()).isEqualTo("/oidc.html");
		assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
		assertThat(linked.data().get("linked").asBoolean()).isTrue();

		nextSignIn(subject, "changed-" + UUID.randomUUID() + "@elsewhere.example", false);
		Reply signedIn = new ProviderBrowser(PORT).signIn("test-idp");

		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		Reply me = this.api.get("/auth/me", signedIn.data().get("token").stringValue());
		assertThat(me.data().get("_id").stringValue()).isEqualTo(user.id());
		assertThat(me.data().get("role").stringValue()).isEqualTo("agent");
	}

	@Test
	void aLinkTicketWorksOnceAndAProviderAccountLinksToOneUser() {
		TestUser first = this.api.signUp("supervisor");
		TestUser second = this.api.signUp("supervisor");
		String subject = "subject-" + UUID.randomUUID();
		String url = this.api.post("/api/oidc/links/test-idp", first.token(), Map.of()).data().get("url").stringValue();
		nextSignIn(subject, "someone@elsewhere.example", false);
		ProviderBrowser browser = new ProviderBrowser(PORT);
		browser.open(url);
		assertThat(browser.exchange().status()).isEqualTo(200);

		nextSignIn(subject, "someone@elsewhere.example", false);
		browser.open(url);
		Reply reused = browser.exchange();
		String other = this.api.post("/api/oidc/links/test-idp", second.token(), Map.of())
			.data()
			.get("url")
			.stringValue();
		nextSignIn(subject, "someone@elsewhere.example", false);
		browser.open(other);
		Reply taken = browser.exchange();

		assertThat(reused.status()).isEqualTo(403);
		assertThat(reused.error()).isEqualTo("The request to link an account has expired, start linking again");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.error()).isEqualTo("This provider account is linked to another Parley account");
	}

	@Test
	void linkingNeedsASignedInMemberAndAConfiguredProvider() {
		TestUser user = this.api.signUp("supervisor");

		Reply anonymous = this.api.post("/api/oidc/links/test-idp", null, Map.of());
		Reply unknown = this.api.post("/api/oidc/links/nobody", user.token(), Map.of());
		Reply notLinked = this.api.send("DELETE", "/api/oidc/links/test-idp", user.token(), null, null);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("Sign-in provider not found");
		assertThat(notLinked.status()).isEqualTo(404);
	}

	@Test
	void anUnlinkedAccountNoLongerSignsInByItsSubject() {
		TestUser user = this.api.signUp("supervisor");
		String subject = "subject-" + UUID.randomUUID();
		String url = this.api.post("/api/oidc/links/test-idp", user.token(), Map.of()).data().get("url").stringValue();
		nextSignIn(subject, "someone@elsewhere.example", false);
		ProviderBrowser browser = new ProviderBrowser(PORT);
		browser.open(url);
		assertThat(browser.exchange().status()).isEqualTo(200);

		Reply unlinked = this.api.send("DELETE", "/api/oidc/links/test-idp", user.token(), null, null);
		nextSignIn(subject, "someone@elsewhere.example", false);
		Reply refused = new ProviderBrowser(PORT).signIn("test-idp");

		assertThat(unlinked.status()).as(unlinked.raw()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo("The provider has not verified this email address");
	}

	@Test
	void aTamperedStateIsRefused() {
		// the provider is asked for no token: it has no sign-in queued, and another
		// test's
		// would be taken otherwise
		ProviderBrowser browser = new ProviderBrowser(PORT);
		URI authorize = location(browser.step("/auth/oidc/test-idp"));
		URI callback = location(browser.step(authorize.toString()));
		assertThat(callback.getRawQuery()).contains("state=");

		HttpResponse<String> page = browser.open(callback.toString().replace("state=", "state=forged"));
		Reply refused = browser.exchange();

		assertThat(page.uri().getPath()).isEqualTo("/oidc.html");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.error()).isEqualTo("Sign-in with the provider failed, try again");
	}

	@Test
	void aCallbackFromAnotherBrowserIsRefused() {
		ProviderBrowser victim = new ProviderBrowser(PORT);
		URI callback = location(victim.step(location(victim.step("/auth/oidc/test-idp")).toString()));

		ProviderBrowser attacker = new ProviderBrowser(PORT);
		attacker.open(callback.toString());
		Reply refused = attacker.exchange();

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.error()).isEqualTo("Sign-in with the provider failed, try again");
	}

	@Test
	void anUnknownProviderIsNotFound() {
		HttpResponse<String> start = new ProviderBrowser(PORT).open("/auth/oidc/nobody");

		assertThat(start.statusCode()).isEqualTo(404);
		assertThat(Api.JSON.readTree(start.body()).get("success").asBoolean()).isFalse();
	}

	@Test
	void theResultPageSignsTheBrowserInOrSaysWhyNot() {
		TestUser user = this.api.signUp("supervisor");
		try (Browser browser = Browser.start(PORT)) {
			nextSignIn(user.email(), true);
			browser.open("/auth/oidc/test-idp");
			browser.await(ExpectedConditions.textToBe(By.id("status"), "You are signed in."));
			String session = (String) ((JavascriptExecutor) browser.driver())
				.executeScript("return window.sessionStorage.getItem('parley.session');");
			String token = Api.JSON.readTree(session).get("token").stringValue();
			assertThat(browser.driver().getCurrentUrl()).endsWith("/oidc.html");
			assertThat(this.api.get("/auth/me", token).data().get("email").stringValue()).isEqualTo(user.email());

			nextSignIn("stranger-" + UUID.randomUUID() + "@example.com", true);
			browser.open("/auth/oidc/test-idp");
			browser.await(ExpectedConditions.textToBe(By.id("status"),
					"No Parley account has this email: accept an invitation or sign up first, then link the provider"));

			browser.open("/oidc.html");
			browser
				.await(ExpectedConditions.textToBe(By.id("status"), "Sign-in code invalid or expired, sign in again"));
		}
	}

	/**
	 * The provider's next sign-in: a subject of its own, the email and its verification.
	 */
	private static String nextSignIn(String email, boolean verified) {
		String subject = "subject-" + UUID.randomUUID();
		nextSignIn(subject, email, verified);
		return subject;
	}

	private static void nextSignIn(String subject, String email, boolean verified) {
		PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
				Map.of("email", email, "email_verified", verified), 3600));
	}

	private static URI location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.isAbsolute() ? location : response.uri().resolve(location);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new HashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

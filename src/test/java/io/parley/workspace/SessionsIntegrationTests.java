package io.parley.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Barriers;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestClock;
import io.parley.workspace.TenantMother.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions that can end: log-in answers a short-lived access token with a refresh token;
 * each refresh uses its token up for the next pair, a reused one ends the session for
 * both holders, log-out and deactivation end it, and it ends at its absolute lifetime.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@ExtendWith(OutputCaptureExtension.class)
class SessionsIntegrationTests {

	private static final String REFUSED = "Refresh token invalid, expired or revoked, log in again";

	private static final String UNAUTHORIZED = "Unauthorized, token missing or invalid";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	SignUp signUp;

	@Autowired
	Memberships memberships;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void logInAnswersAFifteenMinuteAccessTokenAndARefreshToken() {
		TestUser user = this.api.signUp("supervisor");
		Instant before = this.clock.instant();

		JsonSession session = logIn(user.email(), "secret123");

		assertThat(session.data().get("expiresIn").asLong()).isEqualTo(900);
		assertThat(Instant.parse(session.data().get("expiresAt").stringValue()))
			.isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1), before.plus(Duration.ofMinutes(16)));
		assertThat(session.refreshToken()).matches("[A-Za-z0-9_-]{43}");
		assertThat(Instant.parse(session.data().get("refreshTokenExpiresAt").stringValue()))
			.isAfter(before.plus(Duration.ofDays(6)));
		assertThat(this.api.get("/auth/me", session.token()).data().get("email").stringValue()).isEqualTo(user.email());
	}

	@Test
	void aRefreshTokenGetsTheNextPairOnceAndTheNextOneWorks() {
		TestUser user = this.api.signUp("agent", this.api.signUp("supervisor"));
		JsonSession first = logIn(user.email(), "secret123");

		Reply refreshed = refresh(first.refreshToken());
		JsonSession second = new JsonSession(refreshed);
		Reply third = refresh(second.refreshToken());

		assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		assertThat(second.data().get("expiresIn").asLong()).isEqualTo(900);
		Reply me = this.api.get("/auth/me", second.token());
		assertThat(me.data().get("_id").stringValue()).isEqualTo(user.id());
		assertThat(me.data().get("role").stringValue()).isEqualTo("agent");
		assertThat(third.status()).as(third.raw()).isEqualTo(200);
	}

	@Test
	void aUsedRefreshTokenPresentedAgainEndsTheSessionForBothHolders(CapturedOutput output) {
		TestUser user = this.api.signUp("candidate");
		JsonSession stolen = logIn(user.email(), "secret123");
		JsonSession victim = new JsonSession(refresh(stolen.refreshToken()));

		Reply thief = refresh(stolen.refreshToken());
		Reply victimsNext = refresh(victim.refreshToken());

		assertThat(thief.status()).isEqualTo(401);
		assertThat(thief.error()).isEqualTo(REFUSED);
		assertThat(victimsNext.status()).isEqualTo(401);
		assertThat(victimsNext.error()).isEqualTo(REFUSED);
		assertThat(output).contains("A used refresh token was presented again");
		// logging in again starts a new session, and the old tokens stay refused
		JsonSession again = logIn(user.email(), "secret123");
		assertThat(refresh(again.refreshToken()).status()).isEqualTo(200);
		assertThat(refresh(victim.refreshToken()).status()).isEqualTo(401);
	}

	@Test
	void twoConcurrentRefreshesWithOneTokenLetOneWinAndEndTheSession() throws Exception {
		TestUser user = this.api.signUp("candidate");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				String token = logIn(user.email(), "secret123").refreshToken();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Reply>> racing = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					racing.add(threads.submit(() -> {
						Barriers.await(start);
						return refresh(token);
					}));
				}
				List<Reply> replies = List.of(racing.get(0).get(), racing.get(1).get());

				List<Reply> won = replies.stream().filter((reply) -> reply.status() == 200).toList();
				assertThat(won).as("%s", replies).hasSize(1);
				Reply lost = replies.stream().filter((reply) -> reply.status() != 200).findFirst().orElseThrow();
				assertThat(lost.status()).isEqualTo(401);
				assertThat(lost.error()).isEqualTo(REFUSED);
				// the loser counts as a reuse: the winner's next token is refused too
				Reply winnersNext = refresh(new JsonSession(won.get(0)).refreshToken());
				assertThat(winnersNext.status()).as(winnersNext.raw()).isEqualTo(401);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void loggingOutEndsTheSession() {
		TestUser user = this.api.signUp("supervisor");
		JsonSession session = logIn(user.email(), "secret123");
		JsonSession other = logIn(user.email(), "secret123");

		Reply loggedOut = this.api.post("/auth/logout", null, Map.of("refreshToken", session.refreshToken()));
		Reply refreshed = refresh(session.refreshToken());
		Reply again = this.api.post("/auth/logout", null, Map.of("refreshToken", session.refreshToken()));

		assertThat(loggedOut.status()).as(loggedOut.raw()).isEqualTo(200);
		assertThat(loggedOut.data().get("loggedOut").asBoolean()).isTrue();
		assertThat(refreshed.status()).isEqualTo(401);
		assertThat(refreshed.error()).isEqualTo(REFUSED);
		assertThat(again.status()).as(again.raw()).isEqualTo(200);
		// another session of the same user (another device) goes on
		assertThat(refresh(other.refreshToken()).status()).isEqualTo(200);
		Reply unknown = this.api.post("/auth/logout", null, Map.of("refreshToken", newRefreshTokenLookalike()));
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.error()).isEqualTo(REFUSED);
	}

	@Test
	void anAccessTokenIsRefusedAfterFifteenMinutesAndTheRefreshTokenGetsANewOne() {
		TestUser user = this.api.signUp("admin");
		JsonSession session = logIn(user.email(), "secret123");

		// no leeway: the token stops working at its expiresAt
		this.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
		Reply early = this.api.get("/auth/me", session.token());
		this.clock.advance(Duration.ofSeconds(2));
		Reply expired = this.api.get("/auth/me", session.token());
		JsonSession next = new JsonSession(refresh(session.refreshToken()));

		assertThat(early.status()).as(early.raw()).isEqualTo(200);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.error()).isEqualTo(UNAUTHORIZED);
		assertThat(this.api.get("/auth/me", next.token()).status()).isEqualTo(200);
	}

	@Test
	void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
		TestUser user = this.api.signUp("supervisor");
		Instant start = this.clock.instant();
		JsonSession session = logIn(user.email(), "secret123");
		for (int i = 0; i < 4; i++) {
			this.clock.advance(Duration.ofDays(6));
			Reply refreshed = refresh(session.refreshToken());
			assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
			session = new JsonSession(refreshed);
		}
		// refreshed on day 24: its token works until the session's end, not a week more
		assertThat(Instant.parse(session.data().get("refreshTokenExpiresAt").stringValue()))
			.isBetween(start.plus(Duration.ofDays(30)), start.plus(Duration.ofDays(30)).plusSeconds(60));

		this.clock.advance(Duration.ofDays(6));
		Reply ended = refresh(session.refreshToken());

		assertThat(ended.status()).isEqualTo(401);
		assertThat(ended.error()).isEqualTo(REFUSED);
	}

	@Test
	void aRefreshTokenLeftUnusedForAWeekExpires() {
		TestUser user = this.api.signUp("supervisor");
		JsonSession session = logIn(user.email(), "secret123");

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		Reply expired = refresh(session.refreshToken());

		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.error()).isEqualTo(REFUSED);
	}

	@Test
	void forgedTamperedAndMalformedRefreshTokensAreRefusedAndEndNothing() {
		TestUser user = this.api.signUp("supervisor");
		JsonSession session = logIn(user.email(), "secret123");
		String real = session.refreshToken();
		String tampered = ((real.charAt(0) == 'A') ? 'B' : 'A') + real.substring(1);

		for (String forged : List.of(newRefreshTokenLookalike(), tampered, real + "x", real.substring(1), "", "  ",
				session.token())) {
			Reply reply = refresh(forged);
			assertThat(reply.status()).as(forged).isEqualTo(401);
			assertThat(reply.error()).isEqualTo(REFUSED);
		}
		for (String body : List.of("{}", "{\"refreshToken\":null}", "{\"refreshToken\":[\"" + real + "\"]}", "")) {
			Reply reply = this.api.post("/auth/refresh", null, body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("Invalid request schema");
		}
		// none of that touched the real session
		assertThat(refresh(real).status()).isEqualTo(200);
	}

	@Test
	void aDeactivatedMembersRefreshIsRefusedAtOnceAndStaysRefusedAfterReactivation() {
		TenantMother tenants = new TenantMother(this.api, this.signUp, this.memberships);
		Tenant tenant = tenants.newWorkspace();
		TestUser agent = tenants.join(tenant, Role.AGENT);
		JsonSession session = new JsonSession(this.api.post("/auth/login", null,
				Map.of("email", agent.email(), "password", "secret123", "workspaceId", tenant.id())));

		Reply deactivated = this.api.send("POST", "/api/members/" + agent.id() + "/deactivate", tenant.owner().token(),
				null, null);
		Reply refreshed = refresh(session.refreshToken());
		Reply me = this.api.get("/auth/me", session.token());
		this.api.send("POST", "/api/members/" + agent.id() + "/activate", tenant.owner().token(), null, null);
		Reply afterReactivation = refresh(session.refreshToken());

		assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
		assertThat(refreshed.status()).isEqualTo(401);
		assertThat(refreshed.error()).isEqualTo(REFUSED);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.error()).isEqualTo(UNAUTHORIZED);
		assertThat(afterReactivation.status()).isEqualTo(401);
		Reply loggedInAgain = this.api.post("/auth/login", null,
				Map.of("email", agent.email(), "password", "secret123", "workspaceId", tenant.id()));
		assertThat(refresh(new JsonSession(loggedInAgain).refreshToken()).status()).isEqualTo(200);
	}

	@Test
	void aRemovedMembersRefreshIsRefused() {
		TenantMother tenants = new TenantMother(this.api, this.signUp, this.memberships);
		Tenant tenant = tenants.newWorkspace();
		TestUser agent = tenants.join(tenant, Role.AGENT);
		JsonSession session = new JsonSession(this.api.post("/auth/login", null,
				Map.of("email", agent.email(), "password", "secret123", "workspaceId", tenant.id())));

		Reply removed = this.api.send("DELETE", "/api/members/" + agent.id(), tenant.owner().token(), null, null);
		Reply refreshed = refresh(session.refreshToken());

		assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
		assertThat(refreshed.status()).isEqualTo(401);
		assertThat(refreshed.error()).isEqualTo(REFUSED);
	}

	@Test
	void foundingAndSwitchingWorkspacesStartSessionsThatRefreshInTheirWorkspace() {
		String email = "founder-" + UUID.randomUUID() + "@example.com";
		Reply founded = this.api.post("/api/workspaces", null,
				Map.of("name", "Founded", "owner", Map.of("name", "Fay", "email", email, "password", "secret123")));
		String workspaceId = founded.data().get("id").stringValue();
		JsonSession session = new JsonSession(founded);
		Reply second = this.api.post("/api/workspaces", session.token(), Map.of("name", "Second"));
		Reply switched = this.api.post("/api/workspaces/" + workspaceId + "/switch", session.token(), "{}");

		JsonSession foundedNext = new JsonSession(refresh(session.refreshToken()));
		JsonSession secondNext = new JsonSession(refresh(new JsonSession(second).refreshToken()));
		JsonSession switchedNext = new JsonSession(refresh(new JsonSession(switched).refreshToken()));

		assertThat(workspaceOf(foundedNext)).isEqualTo(workspaceId);
		assertThat(workspaceOf(secondNext)).isEqualTo(second.data().get("id").stringValue());
		assertThat(workspaceOf(switchedNext)).isEqualTo(workspaceId);
	}

	@Test
	void noTokenOrPasswordOfASessionReachesTheLog(CapturedOutput output) {
		String email = "quiet-" + UUID.randomUUID() + "@example.com";
		String password = "pw-" + UUID.randomUUID();
		assertThat(this.api
			.post("/auth/signup", null,
					Map.of("name", "Quiet", "email", email, "password", password, "role", "supervisor"))
			.status()).isEqualTo(201);
		List<String> secrets = new ArrayList<>(List.of(password));
		JsonSession first = new JsonSession(
				this.api.post("/auth/login", null, Map.of("email", email, "password", password)));
		JsonSession second = new JsonSession(refresh(first.refreshToken()));
		refresh(first.refreshToken());
		refresh(second.refreshToken());
		JsonSession third = new JsonSession(
				this.api.post("/auth/login", null, Map.of("email", email, "password", password)));
		this.api.post("/auth/logout", null, Map.of("refreshToken", third.refreshToken()));
		refresh(third.refreshToken());
		this.api.post("/auth/refresh", null, "{\"refreshToken\":[\"" + second.refreshToken() + "\"]}");
		for (JsonSession session : List.of(first, second, third)) {
			secrets.add(session.token());
			secrets.add(session.refreshToken());
		}

		assertThat(output).contains("A used refresh token was presented again");
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
	}

	private JsonSession logIn(String email, String password) {
		return new JsonSession(this.api.post("/auth/login", null, Map.of("email", email, "password", password)));
	}

	private Reply refresh(String refreshToken) {
		return this.api.post("/auth/refresh", null, Map.of("refreshToken", refreshToken));
	}

	private String workspaceOf(JsonSession session) {
		return this.api.get("/api/workspace", session.token()).data().get("id").stringValue();
	}

	/** 43 characters of base64url, shaped like a refresh token Parley never issued. */
	private static String newRefreshTokenLookalike() {
		return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 43);
	}

	/** The answer of a log-in or a refresh, which must have succeeded. */
	private record JsonSession(Reply reply) {

		JsonSession {
			assertThat(reply.status()).as(reply.raw()).isBetween(200, 201);
		}

		JsonNode data() {
			return this.reply.data();
		}

		String token() {
			return data().get("token").stringValue();
		}

		String refreshToken() {
			return data().get("refreshToken").stringValue();
		}

	}

}

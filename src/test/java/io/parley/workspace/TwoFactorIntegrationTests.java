package io.parley.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Authenticator;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP two-factor sign-in (seed 002): enrolment, the log-in's second step, backup codes,
 * turning it off, and a workspace that requires it of its staff. Codes come from an
 * {@link Authenticator} fed the secret Parley hands out, at the time of the test clock.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@ExtendWith(OutputCaptureExtension.class)
class TwoFactorIntegrationTests {

	private static final String WRONG_CODE = "Invalid two-factor code";

	private static final String BAD_CHALLENGE = "Log-in challenge invalid or expired, log in again";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

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
	void twoFactorIsOnOnlyOnceConfirmedWithACurrentCode() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));

		Reply started = this.api.post("/api/account/two-factor", agent.token(), "{}");
		String secret = started.data().get("secret").stringValue();
		Authenticator app = Authenticator.of(secret);
		Reply off = this.api.get("/api/account/two-factor", agent.token());
		Reply wrong = confirm(agent, otherThan(app.codeAt(this.clock.instant())));
		Reply stillOff = this.api.get("/api/account/two-factor", agent.token());
		Reply confirmed = confirm(agent, app.codeAt(this.clock.instant()));

		assertThat(started.status()).isEqualTo(200);
		assertThat(app.seed()).hasSize(20);
		assertThat(started.data().get("uri").stringValue())
			.isEqualTo("otpauth://totp/Parley:" + agent.email().replace("@", "%40") + "?secret=" + secret
					+ "&issuer=Parley&algorithm=SHA1&digits=6&period=30");
		assertThat(off.data().get("enabled").asBoolean()).isFalse();
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.error()).isEqualTo(WRONG_CODE);
		assertThat(stillOff.data().get("enabled").asBoolean()).isFalse();
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
		assertThat(confirmed.data().get("enabled").asBoolean()).isTrue();
		List<String> backupCodes = texts(confirmed.data().get("backupCodes"));
		assertThat(backupCodes).hasSize(10).doesNotHaveDuplicates().allMatch((code) -> code.matches("[0-9a-z-]{19}"));
		Reply on = this.api.get("/api/account/two-factor", agent.token());
		assertThat(on.data().get("enabled").asBoolean()).isTrue();
		assertThat(on.data().get("backupCodesLeft").asInt()).isEqualTo(10);
		Reply again = this.api.post("/api/account/two-factor", agent.token(), "{}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("Two-factor authentication is already on");
	}

	@Test
	void startingAgainReplacesTheUnconfirmedSecret() {
		TestUser supervisor = this.api.signUp("supervisor");
		Authenticator first = Authenticator.of(start(supervisor));
		Authenticator second = Authenticator.of(start(supervisor));

		Reply withFirst = confirm(supervisor, first.codeAt(this.clock.instant()));
		Reply withSecond = confirm(supervisor, second.codeAt(this.clock.instant()));

		assertThat(first.seed()).isNotEqualTo(second.seed());
		assertThat(withFirst.status()).isEqualTo(400);
		assertThat(withSecond.status()).as(withSecond.raw()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE user_id = ?")
			.param(UUID.fromString(supervisor.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void confirmingWithoutStartingIsRefused() {
		TestUser candidate = this.api.signUp("candidate");

		Reply reply = confirm(candidate, "123456");

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.error()).isEqualTo("Start two-factor enrolment first");
	}

	@Test
	void logInTakesASecondStepOnceTwoFactorIsOnAndAnswersWhatALogInAnswers() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		Reply plain = logIn(agent);
		Authenticator app = enrol(agent);

		Reply first = logIn(agent);
		this.clock.advance(Duration.ofSeconds(30));
		Reply second = secondStep(challengeOf(first), app.codeAt(this.clock.instant()));

		List<String> session = List.of("token", "expiresIn", "expiresAt", "refreshToken", "refreshTokenExpiresAt");
		assertThat(plain.data().propertyNames()).as(plain.raw()).containsExactlyInAnyOrderElementsOf(session);
		assertThat(plain.data().get("token").stringValue()).isNotBlank();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.data().has("token")).as(first.raw()).isFalse();
		assertThat(first.data().get("twoFactorRequired").asBoolean()).isTrue();
		assertThat(first.data().get("enrolmentRequired").asBoolean()).isFalse();
		assertThat(second.status()).as(second.raw()).isEqualTo(200);
		assertThat(second.data().propertyNames()).as(second.raw()).containsExactlyInAnyOrderElementsOf(session);
		String token = second.data().get("token").stringValue();
		assertThat(this.api.get("/auth/me", token).data().get("_id").stringValue()).isEqualTo(agent.id());
		Reply refreshed = this.api.post("/auth/refresh", null,
				Map.of("refreshToken", second.data().get("refreshToken").stringValue()));
		assertThat(refreshed.status()).as("the second step starts a session that refreshes").isEqualTo(200);
	}

	@Test
	void aWrongCodeIsRefusedAndTheChallengeStillTakesTheRightOneOnce() {
		TestUser supervisor = this.api.signUp("supervisor");
		Authenticator app = enrol(supervisor);
		this.clock.advance(Duration.ofSeconds(30));
		String challenge = challengeOf(logIn(supervisor));
		String code = app.codeAt(this.clock.instant());

		Reply wrong = secondStep(challenge, otherThan(code));
		Reply nonsense = secondStep(challenge, "not a code");
		Reply right = secondStep(challenge, code);
		this.clock.advance(Duration.ofSeconds(30));
		Reply reused = secondStep(challenge, app.codeAt(this.clock.instant()));
		Reply unknown = secondStep("no-such-challenge", app.codeAt(this.clock.instant()));

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.error()).isEqualTo(WRONG_CODE);
		assertThat(nonsense.status()).isEqualTo(401);
		assertThat(nonsense.error()).isEqualTo(WRONG_CODE);
		assertThat(right.status()).as(right.raw()).isEqualTo(200);
		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.error()).isEqualTo(BAD_CHALLENGE);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.error()).isEqualTo(BAD_CHALLENGE);
	}

	@Test
	void aChallengeTakesFiveAttemptsAndExpires() {
		TestUser admin = this.api.signUp("admin");
		Authenticator app = enrol(admin);
		this.clock.advance(Duration.ofSeconds(30));
		String tried = challengeOf(logIn(admin));
		String late = challengeOf(logIn(admin));
		String code = app.codeAt(this.clock.instant());
		for (int i = 0; i < 5; i++) {
			assertThat(secondStep(tried, otherThan(code)).status()).isEqualTo(401);
		}

		Reply afterFive = secondStep(tried, code);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		Reply expired = secondStep(late, app.codeAt(this.clock.instant()));

		assertThat(afterFive.error()).isEqualTo(BAD_CHALLENGE);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.error()).isEqualTo(BAD_CHALLENGE);
	}

	@Test
	void aCodeWorksOnceEvenWithinItsThirtySeconds() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		Authenticator app = enrol(agent);
		this.clock.advance(Duration.ofSeconds(30));
		String code = app.codeAt(this.clock.instant());

		Reply used = secondStep(challengeOf(logIn(agent)), code);
		Reply replayed = secondStep(challengeOf(logIn(agent)), code);
		Reply confirmationCode = secondStep(challengeOf(logIn(agent)),
				app.codeAt(this.clock.instant().minusSeconds(30)));

		assertThat(used.status()).as(used.raw()).isEqualTo(200);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.error()).isEqualTo(WRONG_CODE);
		assertThat(confirmationCode.status()).isEqualTo(401);
	}

	@Test
	void aBackupCodeSignsInOnceWhateverItsCaseAndHyphens() {
		TestUser candidate = this.api.signUp("candidate");
		Authenticator app = Authenticator.of(start(candidate));
		List<String> backupCodes = texts(
				confirm(candidate, app.codeAt(this.clock.instant())).data().get("backupCodes"));
		String code = backupCodes.get(3);

		Reply first = secondStep(challengeOf(logIn(candidate)), code.toUpperCase().replace("-", " "));
		Reply again = secondStep(challengeOf(logIn(candidate)), code);
		Reply another = secondStep(challengeOf(logIn(candidate)), backupCodes.get(4));

		assertThat(first.status()).as(first.raw()).isEqualTo(200);
		assertThat(first.data().get("token").stringValue()).isNotBlank();
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.error()).isEqualTo(WRONG_CODE);
		assertThat(another.status()).as(another.raw()).isEqualTo(200);
		assertThat(this.api.get("/api/account/two-factor", candidate.token()).data().get("backupCodesLeft").asInt())
			.isEqualTo(8);
	}

	@Test
	void turningItOffTakesACodeAndLogInIsOneStepAgain() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		Authenticator app = enrol(agent);
		this.clock.advance(Duration.ofSeconds(30));
		String code = app.codeAt(this.clock.instant());

		Reply wrong = disable(agent, otherThan(code));
		Reply stillOn = logIn(agent);
		Reply disabled = disable(agent, code);
		Reply again = disable(agent, code);
		Reply plain = logIn(agent);

		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.error()).isEqualTo(WRONG_CODE);
		assertThat(stillOn.data().get("twoFactorRequired").asBoolean()).isTrue();
		assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
		assertThat(disabled.data().get("enabled").asBoolean()).isFalse();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("Two-factor authentication is not on");
		assertThat(plain.data().get("token").stringValue()).isNotBlank();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM two_factor_backup_codes WHERE user_id = ?")
			.param(UUID.fromString(agent.id()))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBackupCodeTurnsItOffToo() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		Authenticator app = Authenticator.of(start(agent));
		String backupCode = texts(confirm(agent, app.codeAt(this.clock.instant())).data().get("backupCodes")).get(0);

		Reply disabled = disable(agent, backupCode);

		assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
		assertThat(this.api.get("/api/account/two-factor", agent.token()).data().get("enabled").asBoolean()).isFalse();
	}

	@Test
	void aWorkspaceRequiresItOfItsStaffWhoSetItUpAtLogIn() {
		TenantMother tenants = new TenantMother(this.api, this.signUp, this.memberships);
		Tenant tenant = tenants.newWorkspace();
		TestUser agent = tenants.join(tenant, Role.AGENT);
		TestUser candidate = tenants.join(tenant, Role.CANDIDATE);

		Reply ownerWithout = requireTwoFactor(tenant.owner(), true);
		enrol(tenant.owner());
		Reply required = requireTwoFactor(tenant.owner(), true);
		Reply staffLogIn = logIn(agent, tenant.id());
		Reply customerLogIn = logIn(candidate, tenant.id());
		String challenge = challengeOf(staffLogIn);
		Reply enrolment = this.api.post("/auth/login/two-factor/enrolment", null, Map.of("challenge", challenge));
		Authenticator app = Authenticator.of(enrolment.data().get("secret").stringValue());
		Reply signedIn = secondStep(challenge, app.codeAt(this.clock.instant()));

		assertThat(ownerWithout.status()).isEqualTo(403);
		assertThat(ownerWithout.error())
			.isEqualTo("This workspace requires two-factor authentication, turn it on first");
		assertThat(required.status()).as(required.raw()).isEqualTo(200);
		assertThat(required.data().get("requireTwoFactor").asBoolean()).isTrue();
		assertThat(this.api.get("/api/workspace", tenant.owner().token()).data().get("requireTwoFactor").asBoolean())
			.isTrue();
		assertThat(staffLogIn.data().has("token")).as(staffLogIn.raw()).isFalse();
		assertThat(staffLogIn.data().get("twoFactorRequired").asBoolean()).isTrue();
		assertThat(staffLogIn.data().get("enrolmentRequired").asBoolean()).isTrue();
		assertThat(customerLogIn.data().get("token").stringValue()).isNotBlank();
		assertThat(enrolment.data().get("uri").stringValue()).startsWith("otpauth://totp/Parley:");
		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
		assertThat(texts(signedIn.data().get("backupCodes"))).hasSize(10);
		String token = signedIn.data().get("token").stringValue();
		assertThat(this.api.get("/api/workspace", token).data().get("id").stringValue()).isEqualTo(tenant.id());
		assertThat(this.api.get("/api/account/two-factor", token).data().get("enabled").asBoolean()).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		Reply next = logIn(agent, tenant.id());
		assertThat(next.data().get("enrolmentRequired").asBoolean()).isFalse();
		assertThat(secondStep(challengeOf(next), app.codeAt(this.clock.instant())).status()).isEqualTo(200);
	}

	@Test
	void anEnrolmentChallengeIsNeededToEnrolAtLogIn() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		enrol(agent);

		Reply reply = this.api.post("/auth/login/two-factor/enrolment", null,
				Map.of("challenge", challengeOf(logIn(agent))));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo(BAD_CHALLENGE);
	}

	@Test
	void aStaffMemberWithoutASecondFactorCannotSwitchIntoAWorkspaceThatRequiresOne() {
		TenantMother tenants = new TenantMother(this.api, this.signUp, this.memberships);
		Tenant tenant = tenants.newWorkspace();
		TestUser owner = tenant.owner();
		Tenant other = new Tenant(
				this.api.post("/api/workspaces", owner.token(), Map.of("name", "Other")).data().get("id").stringValue(),
				owner);
		enrol(owner);
		requireTwoFactor(owner, true);
		TestUser agent = tenants.join(other, Role.AGENT);
		this.memberships.add(SignUp.newMember(WorkspaceId.parse(tenant.id()).orElseThrow(),
				this.signUp.account(UserId.parse(agent.id()).orElseThrow()).orElseThrow(), MemberRole.of(Role.AGENT),
				null, this.clock.instant()));

		Reply refused = this.api.post("/api/workspaces/" + tenant.id() + "/switch", agent.token(), "{}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo("This workspace requires two-factor authentication, turn it on first");
	}

	@Test
	void theSeedAndTheBackupCodesAreNotStoredInClearText() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		String secret = start(agent);
		byte[] seed = Authenticator.of(secret).seed();
		List<String> backupCodes = texts(
				confirm(agent, Authenticator.of(secret).codeAt(this.clock.instant())).data().get("backupCodes"));

		String stored = this.jdbc.sql("SELECT sealed_seed FROM two_factor WHERE user_id = ?")
			.param(UUID.fromString(agent.id()))
			.query(String.class)
			.single();
		List<String> hashes = this.jdbc.sql("SELECT code_hash FROM two_factor_backup_codes WHERE user_id = ?")
			.param(UUID.fromString(agent.id()))
			.query(String.class)
			.list();

		assertThat(stored).doesNotContain(secret)
			.doesNotContain(secret.toLowerCase())
			.doesNotContain(Base64.getEncoder().encodeToString(seed))
			.doesNotContain(HexFormat.of().formatHex(seed));
		assertThat(Base64.getDecoder().decode(stored)).hasSize(12 + 20 + 16);
		assertThat(hashes).hasSize(10);
		for (String code : backupCodes) {
			assertThat(String.join(" ", hashes)).doesNotContain(code).doesNotContain(code.replace("-", ""));
		}
	}

	@Test
	void noSecretCodeOrChallengeReachesTheLog(CapturedOutput output) {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));
		String secret = start(agent);
		Authenticator app = Authenticator.of(secret);
		String confirmation = app.codeAt(this.clock.instant());
		List<String> backupCodes = texts(confirm(agent, confirmation).data().get("backupCodes"));
		String challenge = challengeOf(logIn(agent));
		this.clock.advance(Duration.ofSeconds(30));
		String code = app.codeAt(this.clock.instant());
		secondStep(challenge, otherThan(code));
		secondStep(challenge, code);
		secondStep(challengeOf(logIn(agent)), backupCodes.get(0));
		disable(agent, backupCodes.get(1));

		List<String> secrets = new ArrayList<>(List.of(secret, challenge));
		secrets.addAll(backupCodes);
		for (String text : secrets) {
			assertThat(output.getAll()).doesNotContain(text);
		}
		assertThat(output.getAll()).doesNotContainPattern("\\b(" + confirmation + "|" + code + ")\\b");
	}

	private Authenticator enrol(TestUser user) {
		Authenticator app = Authenticator.of(start(user));
		Reply confirmed = confirm(user, app.codeAt(this.clock.instant()));
		assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
		return app;
	}

	private String start(TestUser user) {
		Reply started = this.api.post("/api/account/two-factor", user.token(), "{}");
		assertThat(started.status()).as(started.raw()).isEqualTo(200);
		return started.data().get("secret").stringValue();
	}

	private Reply confirm(TestUser user, String code) {
		return this.api.post("/api/account/two-factor/confirm", user.token(), Map.of("code", code));
	}

	private Reply disable(TestUser user, String code) {
		return this.api.send("DELETE", "/api/account/two-factor", user.token(), "application/json",
				Api.JSON.writeValueAsString(Map.of("code", code)));
	}

	private Reply requireTwoFactor(TestUser admin, boolean required) {
		return this.api.send("PATCH", "/api/workspace", admin.token(), "application/json",
				Api.JSON.writeValueAsString(Map.of("requireTwoFactor", required)));
	}

	private Reply logIn(TestUser user) {
		Reply reply = this.api.post("/auth/login", null, Map.of("email", user.email(), "password", "secret123"));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply;
	}

	private Reply logIn(TestUser user, String workspaceId) {
		Reply reply = this.api.post("/auth/login", null,
				Map.of("email", user.email(), "password", "secret123", "workspaceId", workspaceId));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply;
	}

	private Reply secondStep(String challenge, String code) {
		return this.api.post("/auth/login/two-factor", null, Map.of("challenge", challenge, "code", code));
	}

	private static String challengeOf(Reply logIn) {
		assertThat(logIn.data().get("twoFactorRequired").asBoolean()).as(logIn.raw()).isTrue();
		return logIn.data().get("challenge").stringValue();
	}

	/** A six-digit code that is not {@code code}. */
	private static String otherThan(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.stringValue()));
		return texts;
	}

}

package io.parley.workspace;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class AuthIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Value("${parley.jwt.lifetime}")
	Duration lifetime;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "supervisor", "candidate" })
	void signUpReturnsTheNewUserWithoutItsPassword(String role) {
		String email = "new-" + UUID.randomUUID() + "@example.com";
		// after the first, an admin is signed up by an admin (decision 47)
		Reply reply = this.api.post("/auth/signup", role.equals("admin") ? this.api.firstAdmin().token() : null,
				Map.of("name", "Rahul", "email", email, "password", "secret123", "role", role));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.data().get("_id").stringValue()).isNotBlank();
		assertThat(reply.data().get("name").stringValue()).isEqualTo("Rahul");
		assertThat(reply.data().get("email").stringValue()).isEqualTo(email);
		assertThat(reply.data().get("role").stringValue()).isEqualTo(role);
		assertThat(reply.data().size()).isEqualTo(4);
		assertThat(reply.raw()).doesNotContain("secret123");
	}

	@Test
	void afterTheFirstAdminNobodyBecomesAnAdminBySigningUpAlone() {
		this.api.firstAdmin();
		Map<String, Object> body = newUser("admin");
		TestUser supervisor = this.api.signUp("supervisor");
		String foreignOwner = this.api
			.post("/api/workspaces", null, Map.of("name", "Elsewhere", "owner", newUser("owner")))
			.data()
			.get("token")
			.stringValue();

		for (String token : new String[] { null, supervisor.token(), foreignOwner }) {
			Reply reply = this.api.post("/auth/signup", token, body);
			assertThat(reply.status()).as(reply.raw()).isEqualTo(403);
			assertThat(reply.error()).isEqualTo("Forbidden, insufficient permissions");
		}
		assertThat(this.api.post("/auth/login", null, credentials(body)).status()).isEqualTo(401);
		assertThat(this.api.post("/auth/signup", "not-a-token", body).status()).isEqualTo(401);
	}

	@Test
	void anAdminSignsUpAnotherAdmin() {
		TestUser admin = this.api.signUp("admin");
		Map<String, Object> body = newUser("admin");

		Reply reply = this.api.post("/auth/signup", admin.token(), body);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("admin");
		String token = this.api.post("/auth/login", null, credentials(body)).data().get("token").stringValue();
		assertThat(this.api.get("/auth/me", token).data().get("role").stringValue()).isEqualTo("admin");
		assertThat(this.api.get("/admin/analytics", token).status()).isEqualTo(200);
	}

	@Test
	void anAgentSignsUpUnderASupervisor() {
		TestUser supervisor = this.api.signUp("supervisor");
		Reply reply = this.api.post("/auth/signup", null, agent(supervisor.id()));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("agent");
	}

	@Test
	void anAgentWithoutSupervisorIsASchemaError() {
		Map<String, Object> body = agent(null);
		body.remove("supervisorId");
		Reply reply = this.api.post("/auth/signup", null, body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
	}

	@Test
	void anAgentUnderAnUnknownSupervisorIsRefused() {
		Reply unknown = this.api.post("/auth/signup", null, agent(UUID.randomUUID().toString()));
		Reply malformed = this.api.post("/auth/signup", null, agent("s100"));

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("Supervisor not found");
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(malformed.error()).isEqualTo("Supervisor not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "agent", "candidate" })
	void anAgentUnderSomeoneWhoIsNoSupervisorIsRefused(String role) {
		TestUser notASupervisor = (role.equals("agent")) ? this.api.signUp("agent", this.api.signUp("supervisor"))
				: this.api.signUp(role);
		Reply reply = this.api.post("/auth/signup", null, agent(notASupervisor.id()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid supervisor role");
	}

	@Test
	void anEmailCanBeUsedOnceWhateverItsCase() {
		String email = "twice-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> first = Map.of("name", "A", "email", email, "password", "secret123", "role", "supervisor");
		Map<String, Object> second = Map.of("name", "B", "email", email.toUpperCase(), "password", "secret123", "role",
				"candidate");

		assertThat(this.api.post("/auth/signup", null, first).status()).isEqualTo(201);
		Reply reply = this.api.post("/auth/signup", null, second);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.error()).isEqualTo("Email already exists");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"secret123\"}",
			"{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"secret123\",\"role\":\"king\"}",
			"{\"name\":\"A\",\"email\":\"not-an-email\",\"password\":\"secret123\",\"role\":\"admin\"}",
			"{\"name\":\"\",\"email\":\"a@example.com\",\"password\":\"secret123\",\"role\":\"admin\"}",
			"{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":123456789,\"role\":\"admin\"}",
			"{\"name\":\"A\",\"email\":\"a@example.com\",\"password\":\"123\",\"role\":\"admin\"}",
			"{\"name\":[\"A\"],\"email\":\"a@example.com\",\"password\":\"secret123\",\"role\":\"admin\"}", "[]",
			"null", "\"text\"", "{\"name\":", "" })
	void aMalformedSignUpIsASchemaErrorAndCreatesNothing(String body) {
		Reply reply = this.api.post("/auth/signup", null, body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(
				this.api.post("/auth/login", null, Map.of("email", "a@example.com", "password", "secret123")).status())
			.isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "supervisor", "agent", "candidate" })
	void logInReturnsATokenThatNamesTheUser(String role) {
		TestUser user = role.equals("agent") ? this.api.signUp("agent", this.api.signUp("supervisor"))
				: this.api.signUp(role);
		Reply me = this.api.get("/auth/me", user.token());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.data().get("_id").stringValue()).isEqualTo(user.id());
		assertThat(me.data().get("email").stringValue()).isEqualTo(user.email());
		assertThat(me.data().get("role").stringValue()).isEqualTo(role);
		assertThat(me.data().get("name").stringValue()).isEqualTo("Test " + role);
		assertThat(me.data().size()).isEqualTo(4);
	}

	@Test
	void theTokenCarriesUserIdAndRole() {
		TestUser user = this.api.signUp("supervisor");
		String payload = new String(Base64.getUrlDecoder().decode(user.token().split("\\.")[1]));

		assertThat(Api.JSON.readTree(payload).get("userId").stringValue()).isEqualTo(user.id());
		assertThat(Api.JSON.readTree(payload).get("role").stringValue()).isEqualTo("supervisor");
	}

	@Test
	void aWrongPasswordOrUnknownEmailIsRefused() {
		TestUser user = this.api.signUp("admin");
		Reply wrongPassword = this.api.post("/auth/login", null, Map.of("email", user.email(), "password", "wrong!!"));
		Reply unknown = this.api.post("/auth/login", null,
				Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "secret123"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.error()).isEqualTo("Invalid email or password");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.error()).isEqualTo("Invalid email or password");
	}

	@Test
	void aMalformedLogInIsASchemaError() {
		Reply reply = this.api.post("/auth/login", null, Map.of("email", "a@example.com"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "garbage", "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl" })
	void meNeedsAValidToken(String token) {
		Reply reply = this.api.get("/auth/me", token.isEmpty() ? null : token);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("Unauthorized, token missing or invalid");
	}

	@Test
	void aTokenSignedWithAnotherSecretIsRefused() {
		TestUser user = this.api.signUp("admin");
		String[] parts = user.token().split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

		assertThat(this.api.get("/auth/me", forged).status()).isEqualTo(401);
	}

	@Test
	void aTokenExpiresAfterItsLifetime() {
		TestUser user = this.api.signUp("admin");

		// no leeway: it works until its expiry, and not after
		this.clock.advance(this.lifetime.minusSeconds(1));
		Reply late = this.api.get("/auth/me", user.token());
		this.clock.advance(Duration.ofSeconds(2));
		Reply expired = this.api.get("/auth/me", user.token());

		assertThat(late.status()).as(late.raw()).isEqualTo(200);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.error()).isEqualTo("Unauthorized, token missing or invalid");
	}

	private static Map<String, Object> newUser(String role) {
		return Map.of("name", "New " + role, "email", role + "-" + UUID.randomUUID() + "@example.com", "password",
				"secret123", "role", role);
	}

	private static Map<String, Object> credentials(Map<String, Object> body) {
		return Map.of("email", body.get("email"), "password", body.get("password"));
	}

	private static Map<String, Object> agent(String supervisorId) {
		Map<String, Object> body = new HashMap<>(Map.of("name", "Agent", "email",
				"agent-" + UUID.randomUUID() + "@example.com", "password", "secret123", "role", "agent"));
		if (supervisorId != null) {
			body.put("supervisorId", supervisorId);
		}
		return body;
	}

}

package io.parley.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.AddressedClient;
import io.parley.support.AddressedClient.Response;
import io.parley.support.Authenticator;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.Socket;
import io.parley.support.TestClock;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit trips with 429 and {@code Retry-After} in the envelope, stores nothing, and
 * leaves other callers alone. Each test calls from a loopback address of its own.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@TestPropertySource(properties = { "parley.rate-limit.api.max=40", "parley.rate-limit.api.window=60000",
		"parley.rate-limit.login=4/1m", "parley.rate-limit.signup=3/1h", "parley.rate-limit.workspaces=2/1h",
		"parley.rate-limit.invitation-links=3/1m", "parley.rate-limit.refresh=3/1m",
		"parley.rate-limit.login-failures=2", "parley.rate-limit.socket-frames=5/1s",
		"parley.rate-limit.widget-sessions=3/1m", "parley.rate-limit.widget-conversations=2/1m",
		"parley.rate-limit.widget-messages=4/1m" })
class RateLimitIntegrationTests {

	private static final String LIMITED = "Too many requests, try again later";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	WidgetKeys widgetKeys;

	@Autowired
	ApplicationContext context;

	@Test
	void widgetSessionsAndNewConversationsAreLimitedPerAddressAndMessagesPerVisitor() {
		String key = this.widgetKeys.keyOf(WorkspaceId.DEFAULT);
		AddressedClient client = AddressedClient.fresh(this.port);
		for (int i = 0; i < 2; i++) {
			assertThat(client.post("/api/widget/sessions", null, Map.of("key", key)).status()).isEqualTo(200);
		}
		String token = client.post("/api/widget/sessions", null, Map.of("key", key))
			.body()
			.get("data")
			.get("visitorToken")
			.stringValue();
		assertLimited(client.post("/api/widget/sessions", null, Map.of("key", key)));
		assertThat(AddressedClient.fresh(this.port).post("/api/widget/sessions", null, Map.of("key", key)).status())
			.isEqualTo(200);

		Response first = client.post("/api/widget/conversations", token, Map.of("content", "One"));
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		assertThat(client.post("/api/widget/conversations", token, Map.of("content", "Two")).status()).isEqualTo(201);
		assertLimited(client.post("/api/widget/conversations", token, Map.of("content", "Three")));
		assertThat(client.get("/api/widget/conversations", token).body().get("data").get("items").size()).isEqualTo(2);

		String id = first.body().get("data").get("conversation").get("id").stringValue();
		String messages = "/api/widget/conversations/" + id + "/messages";
		assertThat(client.post(messages, token, Map.of("content", "a")).status()).isEqualTo(201);
		assertThat(client.post(messages, token, Map.of("content", "b")).status()).isEqualTo(201);
		assertLimited(client.post(messages, token, Map.of("content", "c")));
		// the same visitor from another address is the same visitor
		assertLimited(AddressedClient.fresh(this.port).post(messages, token, Map.of("content", "d")));
		assertThat(client.get(messages, token).body().get("data").get("items").size()).isEqualTo(3);
	}

	@Test
	void aVisitorsSocketMessagesTakeFromTheSameLimitAsTheirRestMessages() {
		Visitors visitors = new Visitors(this.context);
		TestVisitor visitor = visitors.visitor(WorkspaceId.DEFAULT.toString(), "Vera");
		String id = visitors.conversation(visitor, "Hello");
		AddressedClient client = AddressedClient.fresh(this.port);
		String messages = "/api/widget/conversations/" + id + "/messages";
		for (String content : List.of("a", "b", "c")) {
			assertThat(client.post(messages, visitor.token(), Map.of("content", content)).status()).isEqualTo(201);
		}
		try (Socket socket = Socket.connectWithQuery(this.port, "?visitorTicket=" + visitors.ticket(visitor))) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			socket.expect("JOINED_CONVERSATION");
			socket.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "d", "clientMessageId", "d"));
			socket.expect("MESSAGE_SENT");
			socket.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "e"));
			socket.expectError(LIMITED);
		}
		assertThat(client.get(messages, visitor.token()).body().get("data").get("items").size()).isEqualTo(5);
	}

	@Test
	void signUpIsLimitedPerAddressStoresNothingOverTheLimitAndLeavesOtherAddressesAlone() {
		AddressedClient client = AddressedClient.fresh(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(signUp(client, newEmail()).status()).isEqualTo(201);
		}
		String refused = newEmail();

		Response limited = signUp(client, refused);
		Response elsewhere = signUp(AddressedClient.fresh(this.port), newEmail());

		assertLimited(limited);
		assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 3600L);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(refused).query(Long.class).single())
			.isZero();
		assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(201);
	}

	@Test
	void logInIsLimitedPerAddress() {
		AddressedClient client = AddressedClient.fresh(this.port);
		String email = newEmail();
		signUp(client, email);
		for (int i = 0; i < 4; i++) {
			assertThat(logIn(client, email, "secret123").status()).isEqualTo(200);
		}

		assertLimited(logIn(client, email, "secret123"));
		assertThat(logIn(AddressedClient.fresh(this.port), email, "secret123").status()).isEqualTo(200);
	}

	@Test
	void refreshingIsLimitedPerAddressAndAnswersNothingOverTheLimit() {
		AddressedClient client = AddressedClient.fresh(this.port);
		String email = newEmail();
		signUp(client, email);
		String refreshToken = logIn(client, email, "secret123").body().get("data").get("refreshToken").stringValue();
		for (int i = 0; i < 3; i++) {
			Response refreshed = client.post("/auth/refresh", null, Map.of("refreshToken", refreshToken));
			assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
			refreshToken = refreshed.body().get("data").get("refreshToken").stringValue();
		}

		Response limited = client.post("/auth/refresh", null, Map.of("refreshToken", refreshToken));
		Response loggedOut = client.post("/auth/logout", null, Map.of("refreshToken", refreshToken));
		Response elsewhere = AddressedClient.fresh(this.port)
			.post("/auth/refresh", null, Map.of("refreshToken", refreshToken));

		assertLimited(limited);
		assertLimited(loggedOut);
		// the limited refresh did not use the token up: from another address it still
		// works
		assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(200);
	}

	@Test
	void failedLogInsMakeTheNextOneWaitAndSayNothingOfWhetherTheAccountExists() {
		String email = newEmail();
		signUp(AddressedClient.fresh(this.port), email);
		String unknown = newEmail();
		List<Integer> known = new ArrayList<>();
		List<Integer> none = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			known.add(logIn(AddressedClient.fresh(this.port), email, "wrong-password").status());
			none.add(logIn(AddressedClient.fresh(this.port), unknown, "wrong-password").status());
		}

		Response waiting = logIn(AddressedClient.fresh(this.port), email, "secret123");
		Response waitingToo = logIn(AddressedClient.fresh(this.port), unknown, "secret123");

		assertThat(known).containsExactly(401, 401);
		assertThat(none).isEqualTo(known);
		assertLimited(waiting);
		assertLimited(waitingToo);
		assertThat(waiting.headers().get("retry-after")).isEqualTo("1");
		Eventually.until("the log-in is allowed again", Duration.ofSeconds(5),
				() -> logIn(AddressedClient.fresh(this.port), email, "secret123").status() == 200);
	}

	@Test
	void wrongSecondStepCodesCountAsFailedLogInsOfTheAccount() {
		String email = newEmail();
		signUp(AddressedClient.fresh(this.port), email);
		AddressedClient member = AddressedClient.fresh(this.port);
		String token = logIn(member, email, "secret123").body().get("data").get("token").stringValue();
		String secret = member.post("/api/account/two-factor", token, Map.of())
			.body()
			.get("data")
			.get("secret")
			.stringValue();
		String confirmation = Authenticator.of(secret).codeAt(this.clock.instant());
		String backupCode = member.post("/api/account/two-factor/confirm", token, Map.of("code", confirmation))
			.body()
			.get("data")
			.get("backupCodes")
			.get(0)
			.stringValue();
		String challenge = logIn(AddressedClient.fresh(this.port), email, "secret123").body()
			.get("data")
			.get("challenge")
			.stringValue();
		String wrong = String.format("%06d", (Integer.parseInt(confirmation) + 1) % 1_000_000);
		List<Integer> failures = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			failures.add(secondStep(AddressedClient.fresh(this.port), challenge, wrong).status());
		}

		Response waiting = secondStep(AddressedClient.fresh(this.port), challenge, backupCode);
		Response passwordToo = logIn(AddressedClient.fresh(this.port), email, "secret123");

		assertThat(failures).containsExactly(401, 401);
		assertLimited(waiting);
		assertLimited(passwordToo);
		try {
			this.clock.advance(Duration.ofSeconds(2));
			Response signedIn = secondStep(AddressedClient.fresh(this.port), challenge, backupCode);
			assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(200);
			assertThat(signedIn.body().get("data").get("token").stringValue()).isNotBlank();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void theSecondStepOfALogInSharesTheLogInLimitOfTheAddress() {
		AddressedClient client = AddressedClient.fresh(this.port);
		for (int i = 0; i < 4; i++) {
			assertThat(secondStep(client, "no-such-challenge", "123456").status()).isEqualTo(401);
		}

		assertLimited(secondStep(client, "no-such-challenge", "123456"));
		assertLimited(logIn(client, newEmail(), "secret123"));
	}

	@Test
	void workspaceCreationIsLimitedPerAddress() {
		AddressedClient client = AddressedClient.fresh(this.port);
		String email = newEmail();
		signUp(client, email);
		String token = logIn(client, email, "secret123").body().path("data").path("token").asString();
		String name = "Limited " + UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			Response created = client.post("/api/workspaces", token, Map.of("name", name));
			assertThat(created.status()).as(created.raw()).isEqualTo(201);
		}

		assertLimited(client.post("/api/workspaces", token, Map.of("name", name)));
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM workspaces WHERE name = ?").param(name).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void invitationLinksAreLimitedPerAddress() {
		AddressedClient client = AddressedClient.fresh(this.port);
		Map<String, String> unknown = Map.of("secret", "unknown");
		for (int i = 0; i < 2; i++) {
			assertThat(client.post("/api/invitation-links/lookup", null, unknown).status()).isEqualTo(404);
		}
		assertThat(client.post("/api/invitation-links/accept", null, Map.of("secret", "unknown", "password", "x"))
			.status()).isEqualTo(404);

		assertLimited(client.post("/api/invitation-links/lookup", null, unknown));
	}

	@Test
	void everyRequestCountsTowardsTheGeneralLimit() {
		AddressedClient client = AddressedClient.fresh(this.port);
		for (int i = 0; i < 40; i++) {
			assertThat(client.get("/auth/me", null).status()).isEqualTo(401);
		}

		assertLimited(client.get("/auth/me", null));
		assertThat(AddressedClient.fresh(this.port).get("/auth/me", null).status()).isEqualTo(401);
	}

	@Test
	void framesOverTheSocketsRateAreRefusedAndTheSocketStaysOpen() {
		AddressedClient client = AddressedClient.fresh(this.port);
		String email = newEmail();
		signUp(client, email);
		String token = logIn(client, email, "secret123").body().path("data").path("token").asString();
		try (Socket socket = Socket.connect(this.port, token)) {
			for (int i = 0; i < 8; i++) {
				socket.send("JOIN_CONVERSATION", Map.of("conversationId", UUID.randomUUID().toString()));
			}
			List<String> errors = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				errors.add(socket.expect("ERROR").path("message").asString());
			}

			// five at once, and one more for each fifth of a second the eight took
			assertThat(errors.stream().filter(LIMITED::equals).count()).isBetween(1L, 3L);
			assertThat(errors).contains("Not allowed to access this conversation");
			assertThat(socket.isOpen()).isTrue();
			Eventually.until("the socket may send again", Duration.ofSeconds(5), () -> {
				socket.send("JOIN_CONVERSATION", Map.of("conversationId", UUID.randomUUID().toString()));
				return !socket.expect("ERROR").path("message").asString().equals(LIMITED);
			});
		}
	}

	private Response signUp(AddressedClient client, String email) {
		return client.post("/auth/signup", null,
				Map.of("name", "Limited", "email", email, "password", "secret123", "role", "candidate"));
	}

	private static Response logIn(AddressedClient client, String email, String password) {
		return client.post("/auth/login", null, Map.of("email", email, "password", password));
	}

	private static Response secondStep(AddressedClient client, String challenge, String code) {
		return client.post("/auth/login/two-factor", null, Map.of("challenge", challenge, "code", code));
	}

	private static void assertLimited(Response response) {
		assertThat(response.status()).as(response.raw()).isEqualTo(429);
		assertThat(response.error()).isEqualTo(LIMITED);
		assertThat(response.headers()).containsKey("retry-after");
	}

	private static String newEmail() {
		return "limited-" + UUID.randomUUID() + "@example.com";
	}

}

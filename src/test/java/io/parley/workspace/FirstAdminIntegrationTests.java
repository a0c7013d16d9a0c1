package io.parley.workspace;

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
import io.parley.support.Barriers;
import io.parley.support.FreshInstall;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The first-user convention on installs of their own (decision 47): the first account to
 * sign up as admin is the default workspace's admin, and after it nobody becomes one by
 * signing up alone. The suite's shared application has had its first admin since its
 * first test, so what follows it is in {@link AuthIntegrationTests}.
 */
class FirstAdminIntegrationTests {

	private static final String FORBIDDEN = "Forbidden, insufficient permissions";

	private static final String CLOSED = "Sign-up is closed, ask for an invitation";

	@Test
	void ofConcurrentAdminSignUpsOnAFreshInstallExactlyOneBecomesTheAdmin() throws Exception {
		try (FreshInstall install = FreshInstall.start()) {
			Api api = install.api();
			int racers = 6;
			CyclicBarrier barrier = new CyclicBarrier(racers);
			ExecutorService threads = Executors.newFixedThreadPool(racers);
			List<Map<String, Object>> bodies = new ArrayList<>();
			List<Reply> replies = new ArrayList<>();
			try {
				List<Future<Reply>> pending = new ArrayList<>();
				for (int i = 0; i < racers; i++) {
					Map<String, Object> body = signUp("admin");
					bodies.add(body);
					pending.add(threads.submit(() -> {
						Barriers.await(barrier);
						return api.post("/auth/signup", null, body);
					}));
				}
				for (Future<Reply> reply : pending) {
					replies.add(reply.get());
				}
			}
			finally {
				threads.shutdownNow();
			}

			assertThat(replies).extracting(Reply::status).containsOnlyOnce(201).containsOnly(201, 403);
			for (Reply refused : replies.stream().filter((reply) -> reply.status() == 403).toList()) {
				assertThat(refused.error()).isEqualTo(FORBIDDEN);
			}
			int winner = replies.stream().map(Reply::status).toList().indexOf(201);
			String token = logIn(api, bodies.get(winner));
			assertThat(api.get("/auth/me", token).data().get("role").stringValue()).isEqualTo("admin");
			assertThat(api.get("/admin/analytics", token).status()).isEqualTo(200);
			// the others have no account: their email is free, and they cannot log in
			for (int i = 0; i < racers; i++) {
				if (i != winner) {
					assertThat(api.post("/auth/login", null, credentials(bodies.get(i))).status()).isEqualTo(401);
				}
			}
			JsonNode members = api.everyItem("/api/members", token);
			assertThat(members).extracting((member) -> member.get("role").stringValue()).containsExactly("admin");

			// after the first: admins are made by admins, the rest sign up as before
			assertRefused(api.post("/auth/signup", null, signUp("admin")), FORBIDDEN);
			Reply byAdmin = api.post("/auth/signup", token, signUp("admin"));
			assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(201);
			assertThat(byAdmin.data().get("role").stringValue()).isEqualTo("admin");
			String supervisor = logIn(api, created(api, null, signUp("supervisor")));
			assertRefused(api.post("/auth/signup", supervisor, signUp("admin")), FORBIDDEN);
			created(api, null, signUp("candidate"));
		}
	}

	@Test
	void aClosedInstallStillGetsItsFirstAdminAndNoStaffSignUpOtherwise() {
		try (FreshInstall install = FreshInstall.start("parley.staff-signup=closed")) {
			Api api = install.api();
			assertRefused(api.post("/auth/signup", null, signUp("supervisor")), CLOSED);
			created(api, null, signUp("candidate"));

			String admin = logIn(api, created(api, null, signUp("admin")));

			assertThat(api.get("/api/workspace", admin).data().get("staffSignupOpen").asBoolean()).isFalse();
			assertRefused(api.post("/auth/signup", null, signUp("admin")), FORBIDDEN);
			assertRefused(api.post("/auth/signup", null, signUp("supervisor")), CLOSED);
			// an admin may make any member, as they may invite one
			logIn(api, created(api, admin, signUp("supervisor")));
			created(api, admin, signUp("admin"));
			// the admins decide from now on
			assertThat(api.send("PATCH", "/api/workspace", admin, "application/json", "{\"staffSignupOpen\":true}")
				.status()).isEqualTo(200);
			created(api, null, signUp("supervisor"));
		}
	}

	@Test
	void anUnknownStaffSignUpChoiceStopsTheStartRatherThanLeaveSignUpOpen() {
		assertThat(catchThrowable(() -> FreshInstall.start("parley.staff-signup=shut")))
			.hasStackTraceContaining("PARLEY_STAFF_SIGNUP must be open or closed");
	}

	private static Map<String, Object> created(Api api, String token, Map<String, Object> body) {
		Reply reply = api.post("/auth/signup", token, body);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return body;
	}

	private static void assertRefused(Reply reply, String error) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo(error);
	}

	private static String logIn(Api api, Map<String, Object> body) {
		Reply login = api.post("/auth/login", null, credentials(body));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return login.data().get("token").stringValue();
	}

	private static Map<String, Object> credentials(Map<String, Object> body) {
		return Map.of("email", body.get("email"), "password", body.get("password"));
	}

	private static Map<String, Object> signUp(String role) {
		return Map.of("name", "New " + role, "email", role + "-" + UUID.randomUUID() + "@example.com", "password",
				"secret123", "role", role);
	}

}

package io.parley.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client for Parley's REST API, with the steps most tests start from.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The email of the suite's {@link #firstAdmin() first admin}. */
	public static final String FIRST_ADMIN_EMAIL = "first-admin@example.com";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final int port;

	public Api(int port) {
		this.port = port;
		this.base = "http://localhost:" + port;
	}

	public int port() {
		return this.port;
	}

	public Reply get(String path, String token) {
		return send("GET", path, token, null, null);
	}

	/**
	 * Every item of a paged list ({@code {items, nextCursor}}), read {@code limit} a page
	 * from the first page to the last.
	 */
	public ArrayNode everyItem(String path, String token, int limit) {
		ArrayNode items = JSON.createArrayNode();
		String cursor = "";
		do {
			Reply page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit + "&cursor=" + cursor, token);
			assertThat(page.status()).as(page.raw()).isEqualTo(200);
			assertThat(page.data().get("items").size()).as(page.raw()).isLessThanOrEqualTo(limit);
			page.data().get("items").forEach(items::add);
			JsonNode next = page.data().get("nextCursor");
			cursor = next.isNull() ? null : next.stringValue();
		}
		while (cursor != null);
		return items;
	}

	/** Every item of a paged list, a hundred a page. */
	public ArrayNode everyItem(String path, String token) {
		return everyItem(path, token, 100);
	}

	public Reply post(String path, String token, Object body) {
		String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
		return send("POST", path, token, "application/json", text);
	}

	public Reply send(String method, String path, String token, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (body != null && "application/json".equals(contentType)) {
			rememberSecrets(body);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode answer = JSON.readTree(response.body());
			SecretsStayOutOfTheLog.remember(answer);
			return new Reply(response.statusCode(), answer, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void rememberSecrets(String json) {
		try {
			SecretsStayOutOfTheLog.remember(JSON.readTree(json));
		}
		catch (RuntimeException notJson) {
			// a test's deliberately broken body holds no secret
		}
	}

	/**
	 * Signs up a user with a unique email and logs them in. An admin is signed up by the
	 * default workspace's {@link #firstAdmin() first admin}, as only an admin may
	 * (decision 47).
	 */
	public TestUser signUp(String role, TestUser supervisor) {
		String email = role + "-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> body = (supervisor != null)
				? Map.of("name", "Test " + role, "email", email, "password", "secret123", "role", role, "supervisorId",
						supervisor.id())
				: Map.of("name", "Test " + role, "email", email, "password", "secret123", "role", role);
		Reply created = post("/auth/signup", role.equals("admin") ? firstAdmin().token() : null, body);
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return new TestUser(created.data().get("_id").stringValue(), email, role, logIn(email));
	}

	/**
	 * The default workspace's first admin, the suite's own account
	 * ({@value #FIRST_ADMIN_EMAIL}): signed up the first time a test needs it on a fresh
	 * database, logged in afresh each time (so that a moved clock does not expire it).
	 */
	public TestUser firstAdmin() {
		Reply login = post("/auth/login", null, Map.of("email", FIRST_ADMIN_EMAIL, "password", "secret123"));
		if (login.status() != 200) {
			Reply created = post("/auth/signup", null, Map.of("name", "First admin", "email", FIRST_ADMIN_EMAIL,
					"password", "secret123", "role", "admin"));
			assertThat(created.status())
				.as("the default workspace has another first admin than the suite's: the test database was used "
						+ "by an older Parley, recreate it (%s)", created.raw())
				.isEqualTo(201);
			login = post("/auth/login", null, Map.of("email", FIRST_ADMIN_EMAIL, "password", "secret123"));
		}
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		String token = login.data().get("token").stringValue();
		return new TestUser(get("/auth/me", token).data().get("_id").stringValue(), FIRST_ADMIN_EMAIL, "admin", token);
	}

	private String logIn(String email) {
		Reply login = post("/auth/login", null, Map.of("email", email, "password", "secret123"));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return login.data().get("token").stringValue();
	}

	public TestUser signUp(String role) {
		return signUp(role, null);
	}

	/** A supervisor with one agent, a candidate and an admin. */
	public Team team() {
		TestUser supervisor = signUp("supervisor");
		return new Team(signUp("admin"), supervisor, signUp("agent", supervisor), signUp("candidate"));
	}

	/**
	 * Starts a conversation of the team's candidate with the team's supervisor; returns
	 * its id.
	 */
	public String startConversation(Team team) {
		Reply reply = post("/conversations", team.candidate().token(), Map.of("supervisorId", team.supervisor().id()));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("_id").stringValue();
	}

	/**
	 * Starts a conversation and assigns it to the team's agent; returns its id. Waits for
	 * Parley's line about the assignment in the staff's transcript (decision 44), written
	 * after the commit, so that what a test writes next comes after it.
	 */
	public String assignedConversation(Team team) {
		String id = startConversation(team);
		Reply reply = post("/conversations/" + id + "/assign", team.supervisor().token(),
				Map.of("agentId", team.agent().id()));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		awaitSystemLines(id, team.admin().token(), 1);
		return id;
	}

	/**
	 * Waits until the staff's transcript of the conversation holds {@code count} system
	 * messages.
	 */
	public void awaitSystemLines(String conversationId, String staffToken, int count) {
		Eventually.until(count + " system line(s) in " + conversationId, () -> {
			int lines = 0;
			for (JsonNode message : get("/api/conversations/" + conversationId + "/messages?limit=100", staffToken)
				.data()
				.get("items")) {
				lines += "system".equals(message.get("type").stringValue()) ? 1 : 0;
			}
			return lines == count;
		});
	}

	public record Reply(int status, JsonNode body, String raw) {

		public JsonNode data() {
			assertThat(this.body.get("success").asBoolean()).as(this.raw).isTrue();
			return this.body.get("data");
		}

		/** Asserts the failure envelope and returns its error text. */
		public String error() {
			assertThat(this.body.size()).as(this.raw).isEqualTo(2);
			assertThat(this.body.get("success").asBoolean()).as(this.raw).isFalse();
			return this.body.get("error").stringValue();
		}

	}

	public record TestUser(String id, String email, String role, String token) {
	}

	public record Team(TestUser admin, TestUser supervisor, TestUser agent, TestUser candidate) {
	}

}

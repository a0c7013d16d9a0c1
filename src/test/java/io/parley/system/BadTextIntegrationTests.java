package io.parley.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text the wire or the database cannot carry (a lone UTF-16 surrogate, U+0000) is refused
 * at the door, in every field of every body, and nothing is stored.
 */
@ParleyIntegrationTest
class BadTextIntegrationTests {

	/** JSON escapes, as a client would send them: valid JSON, but no text. */
	static final String LONE_HIGH = "\\ud800";

	static final String LONE_LOW = "\\udc00";

	static final String NUL = "\\u0000";

	static final String INVALID = "Invalid request schema";

	@LocalServerPort
	int port;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@ParameterizedTest
	@ValueSource(strings = { LONE_HIGH, LONE_LOW, "a" + LONE_LOW + LONE_HIGH + "b", "end " + LONE_HIGH, NUL })
	void aMessageWithUnencodableContentIsRefusedAndNotStored(String escaped) {
		String id = this.api.assignedConversation(this.team);
		Reply posted = postJson(messages(id), this.team.candidate().token(), "{\"content\":\"hello " + escaped + "\"}");

		assertThat(posted.status()).as(posted.raw()).isEqualTo(400);
		assertThat(posted.error()).isEqualTo(INVALID);
		assertThat(this.api.get(messages(id), this.team.candidate().token()).data().get("items")).isEmpty();
	}

	@Test
	void aSurrogatePairIsTextAndIsKept() {
		String id = this.api.assignedConversation(this.team);
		Reply posted = postJson(messages(id), this.team.candidate().token(), "{\"content\":\"smile \\ud83d\\ude00\"}");

		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
		JsonNode stored = this.api.get(messages(id), this.team.candidate().token()).data().get("items").get(0);
		assertThat(stored.get("content").stringValue()).isEqualTo("smile \uD83D\uDE00");
	}

	@Test
	void aSurrogateEncodedAsUtf8BytesIsRefusedToo() {
		String id = this.api.assignedConversation(this.team);
		byte[] prefix = "{\"content\":\"hello ".getBytes(StandardCharsets.UTF_8);
		byte[] surrogate = { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[prefix.length + surrogate.length + suffix.length];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		System.arraycopy(surrogate, 0, body, prefix.length, surrogate.length);
		System.arraycopy(suffix, 0, body, prefix.length + surrogate.length, suffix.length);

		Reply posted = postBytes(messages(id), this.team.candidate().token(), body);

		assertThat(posted.status()).as(posted.raw()).isEqualTo(400);
		assertThat(posted.error()).isEqualTo(INVALID);
		assertThat(this.api.get(messages(id), this.team.candidate().token()).data().get("items")).isEmpty();
	}

	@Test
	void aConversationWithAnUnencodableSubjectIsNotOpened() {
		Reply opened = postJson("/api/conversations", this.team.candidate().token(),
				"{\"supervisorId\":\"" + this.team.supervisor().id() + "\",\"subject\":\"Billing " + LONE_HIGH + "\"}");

		assertThat(opened.status()).as(opened.raw()).isEqualTo(400);
		assertThat(opened.error()).isEqualTo(INVALID);
		// one active conversation per candidate: a new one can start, so none was stored
		assertThat(this.api
			.post("/api/conversations", this.team.candidate().token(),
					Map.of("supervisorId", this.team.supervisor().id(), "subject", "Billing"))
			.status()).isEqualTo(201);
	}

	@Test
	void anUnencodableTagChangesNothing() {
		String id = this.api.assignedConversation(this.team);
		Reply patched = this.api.send("PATCH", "/api/conversations/" + id, this.team.supervisor().token(),
				"application/json", "{\"priority\":\"urgent\",\"tags\":[\"vip\",\"b" + LONE_LOW + "\"]}");

		assertThat(patched.status()).as(patched.raw()).isEqualTo(400);
		assertThat(patched.error()).isEqualTo(INVALID);
		JsonNode conversation = this.api.get("/api/conversations/" + id, this.team.supervisor().token()).data();
		assertThat(conversation.get("tags")).isEmpty();
		assertThat(conversation.get("priority").stringValue()).isEqualTo("normal");
	}

	@Test
	void aContactWithAnUnencodableNameIsNotAdded() {
		String owner = TestWorkspace.create(this.api).owner().token();
		String email = "ada-" + UUID.randomUUID() + "@example.com";
		Reply added = postJson("/api/contacts", owner,
				"{\"name\":\"Ada " + LONE_HIGH + "\",\"email\":\"" + email + "\"}");

		assertThat(added.status()).as(added.raw()).isEqualTo(400);
		assertThat(added.error()).isEqualTo(INVALID);
		assertThat(this.api.get("/api/contacts", owner).data().get("items")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"Ada " + NUL + "\"}", "{\"attributes\":{\"plan\":\"pro " + LONE_HIGH + "\"}}",
			"{\"attributes\":{\"plan" + LONE_LOW + "\":\"pro\"}}",
			"{\"attributes\":{\"deep\":[1,{\"er" + LONE_HIGH + "\":[\"x\"]}]}}",
			"{\"attributes\":{\"deep\":[{\"x\":[\"y" + NUL + "\"]}]}}",
			"{\"unknown\":{\"ignored\":[\"but not " + LONE_HIGH + "\"]},\"name\":\"Ada\"}" })
	void anUnencodableContactDetailChangesNothing(String body) {
		String owner = TestWorkspace.create(this.api).owner().token();
		JsonNode contact = this.api
			.post("/api/contacts", owner, Map.of("name", "Ada", "email", UUID.randomUUID() + "@example.com",
					"attributes", Map.of("plan", "free")))
			.data();
		String path = "/api/contacts/" + contact.get("id").stringValue();

		Reply patched = this.api.send("PATCH", path, owner, "application/json", body);

		assertThat(patched.status()).as(patched.raw()).isEqualTo(400);
		assertThat(patched.error()).isEqualTo(INVALID);
		assertThat(this.api.get(path, owner).data()).isEqualTo(contact);
	}

	@ParameterizedTest
	@ValueSource(strings = { "q=%00", "q=ada%00", "q=%ED%A0%80", "limit=10&q%00=x" })
	void anUnencodableQueryParameterIsASchemaError(String query) {
		String owner = TestWorkspace.create(this.api).owner().token();
		Reply reply = this.api.get("/api/contacts?" + query, owner);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo(INVALID);
	}

	/** Tomcat itself refuses these paths, before any handler (the body is Tomcat's). */
	@ParameterizedTest
	@ValueSource(strings = { "%00", "x%00y", "%ED%A0%80" })
	void anUnencodablePathIsRefused(String id) throws Exception {
		String owner = TestWorkspace.create(this.api).owner().token();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/contacts/" + id))
			.header("Authorization", "Bearer " + owner)
			.build();

		assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(400);
	}

	@Test
	void aRoleIsCheckedBeforeTheText() {
		Reply reply = this.api.get("/api/contacts?q=%00", this.team.candidate().token());

		assertThat(reply.status()).as(reply.raw()).isEqualTo(403);
	}

	@Test
	void anUnencodableSignUpNameCreatesNoUser() {
		String email = "bad-" + UUID.randomUUID() + "@example.com";
		Reply created = postJson("/auth/signup", null, "{\"name\":\"Bad " + LONE_HIGH + "\",\"email\":\"" + email
				+ "\",\"password\":\"secret123\",\"role\":\"candidate\"}");

		assertThat(created.status()).as(created.raw()).isEqualTo(400);
		assertThat(created.error()).isEqualTo(INVALID);
		assertThat(this.api.post("/auth/login", null, Map.of("email", email, "password", "secret123")).status())
			.isEqualTo(401);
	}

	private static String messages(String conversationId) {
		return "/api/conversations/" + conversationId + "/messages";
	}

	private Reply postJson(String path, String token, String json) {
		return this.api.send("POST", path, token, "application/json", json);
	}

	private Reply postBytes(String path, String token, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), Api.JSON.readTree(response.body()), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

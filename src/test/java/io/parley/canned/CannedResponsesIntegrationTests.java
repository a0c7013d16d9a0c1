package io.parley.canned;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Barriers;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canned responses over HTTP: shared ones written by those who manage them, private
 * ones seen by their owner only, search, and bodies filled for a real conversation.
 */
@ParleyIntegrationTest
class CannedResponsesIntegrationTests {

	static final String PATH = "/api/canned-responses";

	static final String NOT_FOUND = "Canned response not found";

	static final String FORBIDDEN = "Forbidden, insufficient permissions";

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	TestUser owner;

	/** An agent named Alex Agent. */
	TestUser agent;

	TestUser otherAgent;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.owner = this.workspace.owner();
		String email = "alex-" + UUID.randomUUID() + "@example.com";
		Reply accepted = TestWorkspace.accept(this.api, this.workspace.invite(this.api, email, Map.of("role", "agent")),
				Map.of("name", "Alex Agent", "password", TestWorkspace.PASSWORD));
		String token = accepted.data().get("token").stringValue();
		this.agent = new TestUser(this.api.get("/auth/me", token).data().get("_id").stringValue(), email, "agent",
				token);
		this.otherAgent = this.workspace.join(this.api, Map.of("role", "agent"));
	}

	@Test
	void aSharedResponseIsSeenByEveryAgentAndFoundByShortcutTitleOrBody() {
		JsonNode refund = created(this.owner, "refund", "Money back", "We have REFUNDED your order.", "shared");
		created(this.owner, "hello", "Greeting", "Hi there!", "shared");
		created(this.owner, "bye", "Farewell", "Goodbye, and thanks for the refund request.", "shared");

		assertThat(refund.get("shortcut").stringValue()).isEqualTo("refund");
		assertThat(refund.get("title").stringValue()).isEqualTo("Money back");
		assertThat(refund.get("body").stringValue()).isEqualTo("We have REFUNDED your order.");
		assertThat(refund.get("visibility").stringValue()).isEqualTo("shared");
		assertThat(refund.get("ownerId").stringValue()).isEqualTo(this.owner.id());
		assertThat(refund.get("createdAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
			.isEqualTo(refund.get("updatedAt").stringValue());
		assertThat(refund.size()).isEqualTo(8);

		assertThat(shortcuts(this.agent, null)).containsExactly("bye", "hello", "refund");
		assertThat(shortcuts(this.otherAgent, null)).containsExactly("bye", "hello", "refund");
		assertThat(shortcuts(this.agent, "REF")).as("a shortcut's prefix, or the text")
			.containsExactly("bye", "refund");
		assertThat(shortcuts(this.agent, "efund")).as("the text, not the middle of a shortcut")
			.containsExactly("bye", "refund");
		assertThat(shortcuts(this.agent, "money")).containsExactly("refund");
		assertThat(shortcuts(this.agent, "hi THERE")).containsExactly("hello");
		assertThat(shortcuts(this.agent, "%")).isEmpty();
		assertThat(shortcuts(this.agent, "nothing like it")).isEmpty();

		Reply read = this.api.get(PATH + "/" + id(refund), this.agent.token());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data()).isEqualTo(refund);
	}

	@Test
	void theListComesInPagesByShortcut() {
		created(this.owner, "c-three", "Three", "3", "shared");
		created(this.agent, "a-one", "One", "1", "private");
		created(this.owner, "b-two", "Two", "2", "shared");
		created(this.otherAgent, "a-zero", "Not mine", "0", "private");
		created(this.agent, "d-four", "Four", "4", "private");

		for (int limit = 1; limit <= 5; limit++) {
			assertThat(this.api.everyItem(PATH, this.agent.token(), limit))
				.extracting((item) -> item.get("shortcut").stringValue())
				.as("limit " + limit)
				.containsExactly("a-one", "b-two", "c-three", "d-four");
		}
		assertRefused(this.api.get(PATH + "?cursor=nonsense", this.agent.token()), 400, "Invalid request schema");
		assertRefused(this.api.get(PATH + "?limit=101", this.agent.token()), 400, "Invalid request schema");
	}

	@Test
	void aPrivateResponseIsItsOwnersAloneAndAnyAgentMayKeepOne() {
		JsonNode mine = created(this.agent, "my-sign-off", "Sign-off", "Cheers, Alex", "private");
		String path = PATH + "/" + id(mine);

		assertThat(shortcuts(this.agent, null)).containsExactly("my-sign-off");
		for (TestUser other : List.of(this.otherAgent, this.owner)) {
			assertThat(shortcuts(other, null)).isEmpty();
			assertThat(shortcuts(other, "cheers")).isEmpty();
			assertRefused(this.api.get(path, other.token()), 404, NOT_FOUND);
			assertRefused(patch(path, other, Map.of("title", "Taken over")), 404, NOT_FOUND);
			assertRefused(this.api.send("DELETE", path, other.token(), null, null), 404, NOT_FOUND);
			assertRefused(
					this.api.post(path + "/render", other.token(), Map.of("conversationId", conversationOf(other))),
					404, NOT_FOUND);
		}

		Reply edited = patch(path, this.agent, Map.of("body", "Best, Alex"));
		assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
		assertThat(edited.data().get("body").stringValue()).isEqualTo("Best, Alex");
		assertThat(edited.data().get("title").stringValue()).isEqualTo("Sign-off");
		Reply deleted = this.api.send("DELETE", path, this.agent.token(), null, null);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.data().get("deleted").booleanValue()).isTrue();
		assertRefused(this.api.get(path, this.agent.token()), 404, NOT_FOUND);
		assertThat(shortcuts(this.agent, null)).isEmpty();
	}

	@Test
	void anAgentMayNotWriteSharedResponses() {
		JsonNode shared = created(this.owner, "refund", "Money back", "Refunded.", "shared");
		JsonNode mine = created(this.agent, "mine", "Mine", "Only mine.", "private");
		String before = everything(this.owner) + everything(this.agent);

		assertRefused(create(this.agent, "sneaky", "Sneaky", "Everyone sees this", "shared"), 403, FORBIDDEN);
		assertRefused(patch(PATH + "/" + id(shared), this.agent, Map.of("body", "Changed")), 403, FORBIDDEN);
		assertRefused(this.api.send("DELETE", PATH + "/" + id(shared), this.agent.token(), null, null), 403, FORBIDDEN);
		assertRefused(patch(PATH + "/" + id(mine), this.agent, Map.of("visibility", "shared")), 403, FORBIDDEN);

		assertThat(everything(this.owner) + everything(this.agent)).isEqualTo(before);
	}

	@Test
	void aManagerEditsAndDeletesASharedResponse() {
		JsonNode shared = created(this.owner, "refund", "Money back", "Refunded.", "shared");
		String path = PATH + "/" + id(shared);

		Reply edited = patch(path, this.owner, Map.of("shortcut", "refund-done", "title", "  Refund done  "));
		assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
		assertThat(edited.data().get("shortcut").stringValue()).isEqualTo("refund-done");
		assertThat(edited.data().get("title").stringValue()).isEqualTo("Refund done");
		assertThat(edited.data().get("body").stringValue()).isEqualTo("Refunded.");
		assertThat(this.api.get(path, this.agent.token()).data()).isEqualTo(edited.data());

		// made private, it becomes the editor's own and leaves everyone else's list
		Reply hidden = patch(path, this.owner, Map.of("visibility", "private"));
		assertThat(hidden.data().get("visibility").stringValue()).isEqualTo("private");
		assertRefused(this.api.get(path, this.agent.token()), 404, NOT_FOUND);
		assertThat(patch(path, this.owner, Map.of("visibility", "shared")).status()).isEqualTo(200);

		assertThat(this.api.send("DELETE", path, this.owner.token(), null, null).status()).isEqualTo(200);
		assertRefused(this.api.get(path, this.owner.token()), 404, NOT_FOUND);
		assertThat(shortcuts(this.agent, null)).isEmpty();
	}

	@Test
	void aShortcutIsUniqueAmongTheSharedAndAmongEachMembersPrivateOnes() {
		created(this.owner, "refund", "Money back", "Refunded.", "shared");
		JsonNode other = created(this.owner, "other", "Other", "Other.", "shared");

		assertRefused(create(this.owner, "refund", "Again", "Again.", "shared"), 409,
				"A canned response with this shortcut already exists");
		created(this.agent, "refund", "My refund", "Mine.", "private");
		assertRefused(create(this.agent, "refund", "My refund again", "Mine again.", "private"), 409,
				"A canned response with this shortcut already exists");
		created(this.otherAgent, "refund", "Their refund", "Theirs.", "private");
		assertRefused(patch(PATH + "/" + id(other), this.owner, Map.of("shortcut", "refund", "title", "Renamed")), 409,
				"A canned response with this shortcut already exists");

		assertThat(this.api.get(PATH + "/" + id(other), this.owner.token()).data()).isEqualTo(other);
		assertThat(this.api.everyItem(PATH + "?q=refund", this.agent.token()))
			.extracting((item) -> item.get("title").stringValue())
			.containsExactlyInAnyOrder("Money back", "My refund");
	}

	@Test
	void twoManagersRacingForAShortcutLeaveOneResponse() throws Exception {
		TestUser admin = this.workspace.join(this.api, Map.of("role", "admin"));
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (TestUser manager : List.of(this.owner, admin)) {
				replies.add(threads.submit(() -> {
					Barriers.await(start);
					return create(manager, "race", "Race", "Who wins?", "shared");
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				statuses.add(reply.get(30, TimeUnit.SECONDS).status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(shortcuts(this.agent, "race")).containsExactly("race");
	}

	@Test
	void invalidResponsesAreRefusedAndChangeNothing() {
		JsonNode kept = created(this.owner, "kept", "Kept", "Kept.", "shared");
		String before = everything(this.owner);
		String shortcutError = "A shortcut is 1 to 32 lower-case letters, digits and dashes";

		for (String shortcut : List.of("Refund", "", "re fund", "ré", "/refund", "a".repeat(33))) {
			assertRefused(create(this.owner, shortcut, "Title", "Body", "shared"), 400, shortcutError);
			assertRefused(patch(PATH + "/" + id(kept), this.owner, Map.of("shortcut", shortcut)), 400, shortcutError);
		}
		for (Map<String, Object> body : List.of(body(null, "Title", "Body", "shared"),
				body("x", null, "Body", "shared"), body("x", "Title", null, "shared"),
				body("x", "   ", "Body", "shared"), body("x", "t".repeat(201), "Body", "shared"),
				body("x", "Title", " \n ", "shared"), body("x", "Title", "b".repeat(5_001), "shared"),
				body("x", "Title", "Body", "public"))) {
			assertRefused(this.api.post(PATH, this.owner.token(), body), 400, "Invalid request schema");
		}
		assertRefused(patch(PATH + "/" + id(kept), this.owner, Map.of("title", "  ")), 400, "Invalid request schema");
		assertRefused(patch(PATH + "/" + id(kept), this.owner, Map.of("title", "New", "body", "b".repeat(5_001))), 400,
				"Invalid request schema");
		assertRefused(this.api.post(PATH, this.owner.token(), "{\"shortcut\":"), 400, "Invalid request schema");
		assertThat(everything(this.owner)).isEqualTo(before);

		assertThat(create(this.owner, "a".repeat(32), "t".repeat(200), "b".repeat(5_000), "shared").status())
			.isEqualTo(201);
		assertThat(create(this.owner, "no-visibility", "Title", "Body", null).data().get("visibility").stringValue())
			.as("private unless said otherwise")
			.isEqualTo("private");
	}

	@Test
	void anotherWorkspaceFindsNothing() {
		JsonNode shared = created(this.owner, "refund", "Money back", "Refunded.", "shared");
		String path = PATH + "/" + id(shared);
		TestWorkspace other = TestWorkspace.create(this.api);
		String before = everything(this.owner);

		for (TestUser intruder : List.of(other.owner(), other.join(this.api, Map.of("role", "agent")))) {
			assertThat(shortcuts(intruder, null)).isEmpty();
			assertRefused(this.api.get(path, intruder.token()), 404, NOT_FOUND);
			assertRefused(patch(path, intruder, Map.of("title", "Stolen")), 404, NOT_FOUND);
			assertRefused(this.api.send("DELETE", path, intruder.token(), null, null), 404, NOT_FOUND);
			assertRefused(this.api.post(path + "/render", intruder.token(),
					Map.of("conversationId", conversationOf(intruder))), 404, NOT_FOUND);
			// their own response cannot be filled with this workspace's conversation
			JsonNode theirs = created(intruder, "x" + UUID.randomUUID().toString().substring(0, 8), "Theirs",
					"{{contact.name}}", "private");
			assertRefused(this.api.post(PATH + "/" + id(theirs) + "/render", intruder.token(),
					Map.of("conversationId", conversationOf(this.agent))), 404, "Conversation not found");
		}
		assertThat(everything(this.owner)).isEqualTo(before);
	}

	@Test
	void renderingFillsThePlaceholdersForTheConversationAsPlainText() {
		String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String conversation = conversationWith(this.agent, Map.of("name", "Ada $1 \\ Lovelace", "email", email));
		JsonNode response = created(this.owner, "greet", "Greeting",
				"Hi {{contact.name}} <{{ contact.email }}>, {{agent.name}} of {{workspace.name}} here. "
						+ "{{contact.phone}} {{Contact.Name}} {{agent}} <b>&amp;</b> {{contact.name",
				"shared");

		Reply rendered = this.api.post(PATH + "/" + id(response) + "/render", this.agent.token(),
				Map.of("conversationId", conversation));

		assertThat(rendered.status()).as(rendered.raw()).isEqualTo(200);
		assertThat(rendered.data().get("body").stringValue())
			.isEqualTo("Hi Ada $1 \\ Lovelace <" + email + ">, Alex Agent of " + this.workspace.name()
					+ " here. {{contact.phone}} {{Contact.Name}} {{agent}} <b>&amp;</b> {{contact.name");
		assertThat(rendered.data().get("id").stringValue()).isEqualTo(id(response));
		// the stored body is untouched
		assertThat(this.api.get(PATH + "/" + id(response), this.agent.token()).data()).isEqualTo(response);
	}

	@Test
	void aMissingValueRendersAsNothingAndAFilledValueIsNotReadAgain() {
		String nameless = conversationWith(this.agent, Map.of("phone", "+442079460958"));
		String tricky = conversationWith(this.agent, Map.of("name", "{{agent.name}}", "email",
				"t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
		JsonNode response = created(this.agent, "who", "Who", "[{{contact.name}}] [{{contact.email}}]", "private");

		assertThat(render(response, this.agent, nameless).data().get("body").stringValue()).isEqualTo("[] []");
		assertThat(render(response, this.agent, tricky).data().get("body").stringValue())
			.startsWith("[{{agent.name}}] [t-");
	}

	@Test
	void renderingNeedsAConversationTheCallerSees() {
		String conversation = conversationWith(this.agent,
				Map.of("name", "Kim", "email", "kim-" + UUID.randomUUID() + "@example.com"));
		JsonNode response = created(this.owner, "greet", "Greeting", "Hi {{contact.name}}", "shared");

		assertRefused(render(response, this.otherAgent, conversation), 404, "Conversation not found");
		assertRefused(render(response, this.agent, UUID.randomUUID().toString()), 404, "Conversation not found");
		assertRefused(render(response, this.agent, "not-an-id"), 404, "Conversation not found");
		assertRefused(this.api.post(PATH + "/" + id(response) + "/render", this.agent.token(), Map.of()), 400,
				"Invalid request schema");
		assertRefused(render(response, this.agent, null), 400, "Invalid request schema");
		assertRefused(this.api.post(PATH + "/" + UUID.randomUUID() + "/render", this.agent.token(),
				Map.of("conversationId", conversation)), 404, NOT_FOUND);
		// the owner sees every conversation
		assertThat(render(response, this.owner, conversation).data().get("body").stringValue()).isEqualTo("Hi Kim");
	}

	@Test
	void aCandidateHasNoCannedResponses() {
		TestUser candidate = this.api.team().candidate();

		assertRefused(this.api.get(PATH, candidate.token()), 403, FORBIDDEN);
		assertRefused(create(candidate, "mine", "Mine", "Mine.", "private"), 403, FORBIDDEN);
		assertRefused(this.api.get(PATH, null), 401, "Unauthorized, token missing or invalid");
	}

	private Reply render(JsonNode response, TestUser caller, String conversation) {
		Map<String, Object> body = new HashMap<>();
		body.put("conversationId", conversation);
		return this.api.post(PATH + "/" + id(response) + "/render", caller.token(), body);
	}

	/** A conversation the caller opens, and so handles, with a new contact. */
	private String conversationWith(TestUser caller, Map<String, ?> contact) {
		Reply added = this.api.post("/api/contacts", caller.token(), contact);
		assertThat(added.status()).as(added.raw()).isEqualTo(201);
		Reply opened = this.api.post("/api/conversations", caller.token(),
				Map.of("contactId", added.data().get("id").stringValue()));
		assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
		return opened.data().get("id").stringValue();
	}

	private String conversationOf(TestUser caller) {
		return conversationWith(caller, Map.of("email", "c-" + UUID.randomUUID() + "@example.com"));
	}

	private JsonNode created(TestUser caller, String shortcut, String title, String body, String visibility) {
		Reply reply = create(caller, shortcut, title, body, visibility);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data();
	}

	private Reply create(TestUser caller, String shortcut, String title, String body, String visibility) {
		return this.api.post(PATH, caller.token(), body(shortcut, title, body, visibility));
	}

	private Reply patch(String path, TestUser caller, Map<String, ?> body) {
		return this.api.send("PATCH", path, caller.token(), "application/json", Api.JSON.writeValueAsString(body));
	}

	/** What the caller sees of every response, as the API writes it. */
	private String everything(TestUser caller) {
		return this.api.everyItem(PATH, caller.token()).toString();
	}

	private List<String> shortcuts(TestUser caller, String query) {
		String path = (query != null) ? PATH + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) : PATH;
		Reply reply = this.api.get(path, caller.token());
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data().get("items").valueStream().map((item) -> item.get("shortcut").stringValue()).toList();
	}

	private static Map<String, Object> body(String shortcut, String title, String body, String visibility) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("shortcut", shortcut);
		fields.put("title", title);
		fields.put("body", body);
		fields.put("visibility", visibility);
		fields.values().removeIf((value) -> value == null);
		return fields;
	}

	private static String id(JsonNode response) {
		return response.get("id").stringValue();
	}

	private static void assertRefused(Reply reply, int status, String error) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
		assertThat(reply.error()).isEqualTo(error);
	}

}

package io.parley.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import io.parley.widget.WidgetClient.Answer;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.parley.widget.WidgetClient.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor chats through the widget's REST API, as the iframe does: a session creates
 * nothing, the first message creates the contact and the conversation the team sees at
 * once, and the visitor sees only their own conversations, in the customer view.
 */
@ParleyIntegrationTest
class VisitorFlowIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	WidgetClient widget;

	String key;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.widget = new WidgetClient(this.port, "http://localhost:" + this.port);
		this.key = this.api.get("/api/chat/settings", owner()).data().get("widgetKey").stringValue();
	}

	@Test
	void theConfigurationShowsTheWidgetAndItsTextsInTheVisitorsLanguage() {
		settings(map("theme", "dark", "launcherTitle", "Talk to Acme", "preChat", map("email", "required")));

		JsonNode english = this.widget.get("/api/widget/config?key=" + this.key, null).data();
		JsonNode german = this.widget.get("/api/widget/config?key=" + this.key + "&locale=de-AT", null).data();

		assertThat(english.get("workspaceName").stringValue()).isEqualTo(this.workspace.name());
		assertThat(english.get("theme").stringValue()).isEqualTo("dark");
		assertThat(english.get("launcherTitle").stringValue()).isEqualTo("Talk to Acme");
		assertThat(english.get("preChat").get("email").stringValue()).isEqualTo("required");
		assertThat(english.get("online").asBoolean()).isFalse();
		assertThat(english.get("identityRequired").asBoolean()).isFalse();
		assertThat(english.has("allowedDomains")).isFalse();
		assertThat(english.get("messages").get("composer.send").stringValue()).isEqualTo("Send");
		assertThat(german.get("messages").get("composer.send").stringValue()).isEqualTo("Senden");
		assertThat(this.widget.get("/api/widget/config?key=wk_nothing", null).error()).isEqualTo("Widget not found");
	}

	@Test
	void anAvailableAgentWithinBusinessHoursMakesTheWidgetOnline() {
		this.api.send("PUT", "/api/members/me/availability", owner(), "application/json",
				"{\"availability\":\"online\"}");
		assertThat(config().get("online").asBoolean()).isTrue();

		Map<String, Object> never = map("timeZone", "Europe/Berlin", "days", Map.of());
		settings(map("businessHours", never));

		assertThat(config().get("online").asBoolean()).isFalse();
		this.api.send("PUT", "/api/members/me/availability", owner(), "application/json",
				"{\"availability\":\"offline\"}");
	}

	@Test
	void onlyAnOnlineMemberWhoHandlesConversationsMakesTheWidgetOnline() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent", "supervisorId", supervisor.id()));
		this.api.send("PUT", "/api/members/me/availability", supervisor.token(), "application/json",
				"{\"availability\":\"online\"}");
		assertThat(config().get("online").asBoolean()).isFalse();

		this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"away\"}");
		assertThat(config().get("online").asBoolean()).isFalse();
		this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"online\"}");
		assertThat(config().get("online").asBoolean()).isTrue();
	}

	@Test
	void aSessionCreatesNothingAndTheFirstMessageCreatesTheConversationTheTeamSeesAtOnce() {
		String before = this.api.get("/api/contacts", owner()).raw();
		Answer session = session(null, null);
		assertThat(session.status()).as(session.raw()).isEqualTo(200);
		assertThat(session.data().get("contact").isNull()).isTrue();
		assertThat(session.data().get("conversations").size()).isZero();
		assertThat(session.data().get("visitorId").stringValue()).isNotBlank();
		assertThat(session.data().get("expiresAt").stringValue()).isNotBlank();
		assertThat(this.api.get("/api/contacts", owner()).raw()).isEqualTo(before);
		assertThat(this.api.get("/api/conversations", owner()).data().get("items").size()).isZero();
		String token = session.data().get("visitorToken").stringValue();

		try (Socket staff = Socket.connect(this.port, owner())) {
			staff.send("SUBSCRIBE_INBOX", Map.of());
			staff.expect("INBOX_SUBSCRIBED");

			Answer started = this.widget.post("/api/widget/conversations", token, map("content",
					"Hello, is anyone there?", "clientMessageId", "c-1", "fields",
					map("name", "Vera Visitor", "email", "vera@example.com"), "attributes", map("plan", "pro"),
					"conversationAttributes", map("cart", 3), "context",
					map("pageUrl", "https://acme.com/pricing", "referrer", "https://search.example/", "locale", "de")));

			assertThat(started.status()).as(started.raw()).isEqualTo(201);
			String id = started.data().get("conversation").get("id").stringValue();
			assertThat(started.data().get("conversation").get("status").stringValue()).isEqualTo("open");
			assertThat(started.data().get("message").get("sequence").asLong()).isEqualTo(1);
			assertThat(started.data().get("message").get("author").get("type").stringValue()).isEqualTo("contact");
			assertThat(staff.expect("CONVERSATION_CREATED").get("conversationId").stringValue()).isEqualTo(id);
			JsonNode inbox = this.api.get("/api/conversations", owner()).data().get("items");
			assertThat(inbox.size()).isEqualTo(1);
			assertThat(inbox.get(0).get("id").stringValue()).isEqualTo(id);
			JsonNode details = this.api.get("/api/conversations/" + id, owner()).data();
			assertThat(details.get("channel").stringValue()).isEqualTo("web");
			assertThat(details.get("pageUrl").stringValue()).isEqualTo("https://acme.com/pricing");
			assertThat(details.get("referrer").stringValue()).isEqualTo("https://search.example/");
			assertThat(details.get("attributes").get("attributes").get("cart").asInt()).isEqualTo(3);
			assertThat(details.get("attributes").get("context").get("locale").stringValue()).isEqualTo("de");
		}
		JsonNode contact = this.api.get("/api/contacts", owner()).data().get("items").get(0);
		assertThat(contact.get("name").stringValue()).isEqualTo("Vera Visitor");
		assertThat(contact.get("email").isNull()).as("an anonymous visitor's email proves nothing").isTrue();
		assertThat(contact.get("attributes").get("givenEmail").stringValue()).isEqualTo("vera@example.com");
		assertThat(contact.get("attributes").get("plan").stringValue()).isEqualTo("pro");
		assertThat(contact.get("attributes").get("context").get("pageUrl").stringValue())
			.isEqualTo("https://acme.com/pricing");
		assertThat(contact.get("attributes").get("context").get("locale").stringValue()).isEqualTo("de");
		assertThat(contact.get("attributes").get("context").get("ip").stringValue()).isNotBlank();
		assertThat(contact.get("attributes").get("context").get("userAgent").stringValue()).isNotBlank();
	}

	@Test
	void aRepeatedFirstMessageIsStoredOnce() {
		String token = token(null, null);
		Map<String, Object> first = map("content", "Hi", "clientMessageId", "once-1");

		Answer created = this.widget.post("/api/widget/conversations", token, first);
		Answer repeated = this.widget.post("/api/widget/conversations", token, first);

		assertThat(created.status()).isEqualTo(201);
		assertThat(repeated.status()).as(repeated.raw()).isEqualTo(200);
		assertThat(repeated.data().get("conversation").get("id").stringValue())
			.isEqualTo(created.data().get("conversation").get("id").stringValue());
		assertThat(this.api.get("/api/conversations", owner()).data().get("items").size()).isEqualTo(1);
	}

	@Test
	void theVisitorSeesTheTeamsRepliesButNeverItsNotesNorItsSystemLines() {
		String token = token(null, null);
		String id = start(token, "I need help");
		assign(id);
		this.api.post("/api/conversations/" + id + "/messages", owner(), map("content", "Happy to help!"));
		this.api.post("/api/conversations/" + id + "/messages", owner(),
				map("content", "Internal: VIP customer", "type", "note"));
		Answer sent = this.widget.post("/api/widget/conversations/" + id + "/messages", token,
				map("content", "Thanks", "clientMessageId", "m-2"));
		Answer again = this.widget.post("/api/widget/conversations/" + id + "/messages", token,
				map("content", "Thanks", "clientMessageId", "m-2"));

		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().get("sequence").asLong()).isEqualTo(sent.data().get("sequence").asLong());
		JsonNode items = this.widget.get("/api/widget/conversations/" + id + "/messages", token).data().get("items");
		assertThat(contents(items)).containsExactly("I need help", "Happy to help!", "Thanks");
		assertThat(items.toString()).doesNotContain("Internal").doesNotContain("\"note\"");
		for (JsonNode message : items) {
			assertThat(message.get("type").stringValue()).isEqualTo("text");
		}
		JsonNode after = this.widget.get("/api/widget/conversations/" + id + "/messages?after=1", token)
			.data()
			.get("items");
		assertThat(contents(after)).containsExactly("Happy to help!", "Thanks");
		JsonNode page = this.widget.get("/api/widget/conversations/" + id + "/messages?limit=2", token).data();
		assertThat(contents(page.get("items"))).containsExactly("Happy to help!", "Thanks");
		JsonNode older = this.widget
			.get("/api/widget/conversations/" + id + "/messages?before=" + page.get("nextCursor").stringValue(), token)
			.data();
		assertThat(contents(older.get("items"))).containsExactly("I need help");
		JsonNode conversation = this.widget.get("/api/widget/conversations/" + id, token).data();
		assertThat(conversation.get("agent").get("name").stringValue()).isEqualTo("Olivia Owner");
		assertThat(conversation.get("lastSequence").asLong()).isEqualTo(3);
		assertThat(conversation.has("tags")).isFalse();
		Answer read = this.widget.post("/api/widget/conversations/" + id + "/read", token, map("sequence", 2));
		assertThat(read.status()).as(read.raw()).isEqualTo(200);
		assertThat(read.data().get("sequence").asLong()).isEqualTo(2);
	}

	@Test
	void historyFollowsTheVisitorIdAcrossSessionsAndResetSeesNothingOfIt() {
		String visitorId = UUID.randomUUID().toString();
		String id = start(token(visitorId, null), "First visit");

		Answer later = session(visitorId, null);
		Answer reset = session(UUID.randomUUID().toString(), null);

		assertThat(later.data().get("conversations").get(0).get("id").stringValue()).isEqualTo(id);
		assertThat(later.data().get("contact").get("id").stringValue()).isNotBlank();
		assertThat(reset.data().get("conversations").size()).isZero();
		assertThat(reset.data().get("contact").isNull()).isTrue();
		String fresh = reset.data().get("visitorToken").stringValue();
		assertThat(this.widget.get("/api/widget/conversations/" + id, fresh).status()).isEqualTo(404);
	}

	@Test
	void aVerifiedUserHasTheSameHistoryOnEveryDeviceAndAWrongHashIsRefused() {
		String secret = this.api.get("/api/chat/settings/identity-secret", owner())
			.data()
			.get("identitySecret")
			.stringValue();
		String userId = "user-" + UUID.randomUUID();
		Map<String, Object> user = map("id", userId, "name", "Una User", "identityHash",
				IdentitySecrets.hmac(secret, userId));
		String laptop = token(UUID.randomUUID().toString(), user);
		Answer first = this.widget.post("/api/widget/conversations", laptop,
				map("content", "From my laptop", "fields", map("name", "Una User")));
		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		String id = first.data().get("conversation").get("id").stringValue();

		Answer phone = session(UUID.randomUUID().toString(), user);
		Answer wrong = session(UUID.randomUUID().toString(),
				map("id", userId, "identityHash", IdentitySecrets.hmac("another secret", userId)));

		Answer afterLogOut = session(UUID.randomUUID().toString(), null);

		assertThat(phone.data().get("conversations").get(0).get("id").stringValue()).isEqualTo(id);
		assertThat(phone.data().get("contact").get("name").stringValue()).isEqualTo("Una User");
		assertThat(afterLogOut.data().get("conversations").size()).as("after Parley('reset')").isZero();
		assertThat(afterLogOut.data().get("contact").isNull()).isTrue();
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.error()).isEqualTo("Identity verification failed");
		Answer rotated = this.widget.from(null).post("/api/chat/settings/identity-secret", null, "");
		assertThat(rotated.status()).isEqualTo(401);
		this.api.post("/api/chat/settings/identity-secret", owner(), "");
		assertThat(session(UUID.randomUUID().toString(), user).error()).isEqualTo("Identity verification failed");
	}

	@Test
	void aWorkspaceThatRequiresVerificationRefusesAnonymousVisitors() {
		String earlier = token(null, null);
		String conversation = start(earlier, "Before the rule");
		settings(map("identityRequired", true));

		for (Answer answer : List.of(this.widget.get("/api/widget/conversations/" + conversation, earlier),
				this.widget.post("/api/widget/conversations/" + conversation + "/messages", earlier,
						map("content", "After the rule")),
				this.widget.post("/api/widget/offline-messages", null,
						map("key", this.key, "email", "anon@example.com", "message", "Let me in")))) {
			assertThat(answer.status()).as("an anonymous token issued before the rule, or none").isEqualTo(403);
			assertThat(answer.error()).isEqualTo("Identity verification required");
		}

		Answer anonymous = session(UUID.randomUUID().toString(), null);
		Answer unverified = session(UUID.randomUUID().toString(), map("id", "u-1", "name", "Eve"));

		assertThat(anonymous.status()).isEqualTo(403);
		assertThat(anonymous.error()).isEqualTo("Identity verification required");
		assertThat(unverified.status()).isEqualTo(403);
		assertThat(unverified.error()).isEqualTo("Identity verification failed");
		assertThat(config().get("identityRequired").asBoolean()).isTrue();
	}

	@Test
	void aVisitorReachesNoOtherVisitorsConversationNorAnotherWorkspaces() {
		String mine = start(token(null, null), "Mine");
		String other = token(null, null);
		start(other, "Theirs");
		TestWorkspace elsewhere = TestWorkspace.create(this.api);
		String elsewhereKey = this.api.get("/api/chat/settings", elsewhere.owner().token())
			.data()
			.get("widgetKey")
			.stringValue();
		String stranger = this.widget.post("/api/widget/sessions", null, map("key", elsewhereKey))
			.data()
			.get("visitorToken")
			.stringValue();

		for (String token : List.of(other, stranger)) {
			for (Answer answer : List.of(this.widget.get("/api/widget/conversations/" + mine, token),
					this.widget.get("/api/widget/conversations/" + mine + "/messages", token),
					this.widget.post("/api/widget/conversations/" + mine + "/messages", token,
							map("content", "Let me in")),
					this.widget.post("/api/widget/conversations/" + mine + "/read", token, map()))) {
				assertThat(answer.status()).as(answer.raw()).isEqualTo(404);
				assertThat(answer.error()).isEqualTo("Conversation not found");
			}
		}
		assertThat(this.widget.get("/api/widget/conversations", stranger).data().get("items").size()).isZero();
		assertThat(this.api.get("/api/conversations/" + mine + "/messages", owner()).data().get("items").toString())
			.doesNotContain("Let me in");
	}

	@Test
	void aRequiredPreChatFieldMustBeGivenOnceAndNothingIsStoredWithoutIt() {
		settings(map("preChat", map("email", "required", "custom",
				List.of(map("key", "orderNumber", "label", "Order number", "required", true)))));
		String token = token(null, null);

		Answer missing = this.widget.post("/api/widget/conversations", token,
				map("content", "Hi", "fields", map("custom", map("orderNumber", "A-1"))));
		Answer missingCustom = this.widget.post("/api/widget/conversations", token,
				map("content", "Hi", "fields", map("email", "a@example.com")));
		Answer badEmail = this.widget.post("/api/widget/conversations", token,
				map("content", "Hi", "fields", map("email", "not an email", "custom", map("orderNumber", "A-1"))));

		for (Answer refused : List.of(missing, missingCustom, badEmail)) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
			assertThat(refused.error()).isEqualTo("A required pre-chat field is missing or invalid");
		}
		assertThat(this.api.get("/api/conversations", owner()).data().get("items").size()).isZero();
		Answer given = this.widget.post("/api/widget/conversations", token,
				map("content", "Hi", "fields", map("email", "a@example.com", "custom", map("orderNumber", "A-1"))));
		assertThat(given.status()).as(given.raw()).isEqualTo(201);
		Answer second = this.widget.post("/api/widget/conversations", token, map("content", "Again"));
		assertThat(second.status()).as(second.raw()).isEqualTo(201);
	}

	@Test
	void anEmailOfAnotherContactNeitherFailsTheChatNorLinksThatContact() {
		Api.Reply known = this.api.post("/api/contacts", owner(),
				map("name", "Known Customer", "email", "known@example.com"));
		assertThat(known.status()).as(known.raw()).isEqualTo(201);
		String knownId = known.data().get("id").stringValue();
		String token = token(null, null);

		Answer started = this.widget.post("/api/widget/conversations", token,
				map("content", "It's me, honest", "fields", map("name", "Impostor", "email", "known@example.com")));

		assertThat(started.status()).as(started.raw()).isEqualTo(201);
		JsonNode contacts = this.api.get("/api/contacts", owner()).data().get("items");
		assertThat(contacts.size()).isEqualTo(2);
		for (JsonNode contact : contacts) {
			if (contact.get("id").stringValue().equals(knownId)) {
				assertThat(contact.get("name").stringValue()).isEqualTo("Known Customer");
			}
			else {
				assertThat(contact.get("email").isNull()).isTrue();
				assertThat(contact.get("attributes").get("givenEmail").stringValue()).isEqualTo("known@example.com");
			}
		}
	}

	@Test
	void anAnonymousVisitorCannotClaimAnEmailAndThenReadItsOwnersConversations() {
		String squatter = token(null, null);
		Answer started = this.widget.post("/api/widget/conversations", squatter,
				map("content", "Hello", "fields", map("email", "victim@example.com")));
		assertThat(started.status()).as(started.raw()).isEqualTo(201);

		Answer left = this.widget.post("/api/widget/offline-messages", null,
				map("key", this.key, "email", "victim@example.com", "message", "My private order question"));
		assertThat(left.status()).as(left.raw()).isEqualTo(201);

		JsonNode seen = this.widget.get("/api/widget/conversations", squatter).data().get("items");
		assertThat(seen.size()).as("only the squatter's own conversation").isEqualTo(1);
		assertThat(seen.get(0).get("id").stringValue())
			.isEqualTo(started.data().get("conversation").get("id").stringValue());
		JsonNode inbox = this.api.get("/api/conversations", owner()).data().get("items");
		assertThat(inbox.size()).isEqualTo(2);
		for (JsonNode item : inbox) {
			assertThat(item.get("contact").get("email").stringValue()).as("the staff see the address each typed")
				.isEqualTo("victim@example.com");
		}
		assertThat(inbox.get(0).get("contact").get("id").stringValue())
			.isNotEqualTo(inbox.get(1).get("contact").get("id").stringValue());
	}

	@Test
	void aVeryLongPageAddressIsCutAndAttributesBeyondWhatAContactHoldsAreRefused() {
		String token = token(null, null);
		String url = "https://acme.com/pricing?utm=" + "x".repeat(3000);
		Answer started = this.widget.post("/api/widget/conversations", token,
				map("content", "Hi", "context", map("pageUrl", url, "referrer", url)));
		assertThat(started.status()).as(started.raw()).isEqualTo(201);
		JsonNode details = this.api
			.get("/api/conversations/" + started.data().get("conversation").get("id").stringValue(), owner())
			.data();
		assertThat(details.get("pageUrl").stringValue()).isEqualTo(url.substring(0, 2000));

		for (String key : List.of("a", "b")) {
			Answer more = this.widget.post("/api/widget/conversations", token,
					map("content", "Again " + key, "attributes", map(key, "y".repeat(9000))));
			assertThat(more.status()).as(more.raw()).isEqualTo(201);
		}
		int before = this.api.get("/api/conversations", owner()).data().get("items").size();
		Answer over = this.widget.post("/api/widget/conversations", token,
				map("content", "One too many", "attributes", map("c", "y".repeat(9000))));
		assertThat(over.status()).as(over.raw()).isEqualTo(400);
		assertThat(over.error()).isEqualTo("Invalid request schema");
		assertThat(this.api.get("/api/conversations", owner()).data().get("items").size()).isEqualTo(before);
	}

	@Test
	void aClosedConversationTakesNoMoreMessagesAndTheNextOneStartsAnew() {
		String token = token(null, null);
		String id = start(token, "Question");
		assign(id);
		Api.Reply closed = this.api.send("PATCH", "/api/conversations/" + id, owner(), "application/json",
				"{\"status\":\"closed\"}");
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

		Answer late = this.widget.post("/api/widget/conversations/" + id + "/messages", token,
				map("content", "One more thing"));
		String next = start(token, "One more thing");

		assertThat(late.status()).isEqualTo(400);
		assertThat(late.error()).isEqualTo("Conversation already closed");
		assertThat(next).isNotEqualTo(id);
		JsonNode mine = this.widget.get("/api/widget/conversations", token).data().get("items");
		assertThat(mine.get(0).get("id").stringValue()).isEqualTo(next);
		assertThat(mine.get(1).get("status").stringValue()).isEqualTo("closed");
	}

	@Test
	void everyVisitorRouteRefusesAPageOutsideTheAllowedDomains() {
		String token = token(null, null);
		String id = start(token, "Hello");
		settings(map("allowedDomains", List.of("http://localhost:3000")));
		WidgetClient foreign = this.widget.from("http://127.0.0.1:4000");
		WidgetClient allowed = this.widget.from("http://localhost:3000");

		for (Answer answer : List.of(foreign.get("/api/widget/config?key=" + this.key, null),
				foreign.post("/api/widget/sessions", null, map("key", this.key)),
				foreign.get("/api/widget/conversations", token),
				foreign.post("/api/widget/conversations", token, map("content", "x")),
				foreign.get("/api/widget/conversations/" + id, token),
				foreign.get("/api/widget/conversations/" + id + "/messages", token),
				foreign.post("/api/widget/conversations/" + id + "/messages", token, map("content", "x")),
				foreign.post("/api/widget/conversations/" + id + "/read", token, map()))) {
			assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
			assertThat(answer.error()).isEqualTo("Origin not allowed");
		}
		assertThat(allowed.get("/api/widget/config?key=" + this.key, null).status()).isEqualTo(200);
		assertThat(allowed.post("/api/widget/sessions", null, map("key", this.key)).status()).isEqualTo(200);
		assertThat(this.api.get("/api/conversations/" + id + "/messages", owner()).data().get("items").size())
			.isEqualTo(1);
	}

	@Test
	void aRotatedKeyOpensNoSession() {
		String old = this.key;
		this.api.post("/api/chat/settings/widget-key", owner(), "");

		Answer refused = this.widget.post("/api/widget/sessions", null, map("key", old));

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.error()).isEqualTo("Widget not found");
	}

	@Test
	void malformedRequestsAreRefusedAndStoreNothing() {
		String token = token(null, null);

		assertThat(this.widget.post("/api/widget/conversations", token, map("content", " ")).status()).isEqualTo(400);
		assertThat(this.widget.post("/api/widget/conversations", token, map("content", "x".repeat(5001))).status())
			.isEqualTo(400);
		assertThat(this.widget.post("/api/widget/sessions", null, map("key", this.key, "visitorId", "a b")).status())
			.isEqualTo(400);
		assertThat(this.widget.get("/api/widget/conversations/not-an-id", token).status()).isEqualTo(404);
		assertThat(this.api.get("/api/conversations", owner()).data().get("items").size()).isZero();
	}

	private JsonNode config() {
		return this.widget.get("/api/widget/config?key=" + this.key, null).data();
	}

	private void settings(Map<String, Object> settings) {
		Api.Reply saved = this.api.send("PUT", "/api/chat/settings", owner(), "application/json",
				Api.JSON.writeValueAsString(settings));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
	}

	private Answer session(String visitorId, Map<String, Object> user) {
		Map<String, Object> body = map("key", this.key);
		if (visitorId != null) {
			body.put("visitorId", visitorId);
		}
		if (user != null) {
			body.put("user", user);
		}
		return this.widget.post("/api/widget/sessions", null, body);
	}

	private String token(String visitorId, Map<String, Object> user) {
		Answer session = session(visitorId, user);
		assertThat(session.status()).as(session.raw()).isEqualTo(200);
		return session.data().get("visitorToken").stringValue();
	}

	private String start(String token, String content) {
		Answer started = this.widget.post("/api/widget/conversations", token, map("content", content));
		assertThat(started.status()).as(started.raw()).isEqualTo(201);
		return started.data().get("conversation").get("id").stringValue();
	}

	private void assign(String id) {
		Api.Reply assigned = this.api.post("/api/conversations/" + id + "/assign", owner(),
				map("agentId", this.workspace.owner().id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		this.api.awaitSystemLines(id, owner(), 1);
	}

	private String owner() {
		return this.workspace.owner().token();
	}

	private static List<String> contents(JsonNode items) {
		List<String> contents = new ArrayList<>();
		items.forEach((item) -> contents.add(item.get("content").stringValue()));
		return contents;
	}

}

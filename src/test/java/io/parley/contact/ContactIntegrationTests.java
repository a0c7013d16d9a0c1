package io.parley.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class ContactIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ContactDirectory directory;

	@Autowired
	TestClock clock;

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
	void aContactIsAddedWithItsEmailInLowerCaseAndItsPhoneInDigits() {
		String owner = newWorkspace().token();
		Reply reply = this.api.post("/api/contacts", owner, Map.of("name", " Ada Lovelace ", "email", "Ada@Example.COM",
				"phone", "+44 (20) 7946-0958", "attributes", Map.of("plan", "pro", "seats", 3)));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		JsonNode contact = reply.data();
		assertThat(contact.get("id").stringValue()).isNotBlank();
		assertThat(contact.get("name").stringValue()).isEqualTo("Ada Lovelace");
		assertThat(contact.get("email").stringValue()).isEqualTo("ada@example.com");
		assertThat(contact.get("phone").stringValue()).isEqualTo("+442079460958");
		assertThat(contact.get("sessionId").isNull()).isTrue();
		assertThat(contact.get("externalId").isNull()).isTrue();
		assertThat(contact.get("userId").isNull()).isTrue();
		assertThat(contact.get("attributes")).isEqualTo(Api.JSON.valueToTree(Map.of("plan", "pro", "seats", 3)));
		assertThat(contact.get("firstSeenAt").stringValue())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
			.isEqualTo(contact.get("lastSeenAt").stringValue());
		assertThat(contact.size()).isEqualTo(10);

		Reply read = this.api.get("/api/contacts/" + contact.get("id").stringValue(), owner);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data()).isEqualTo(contact);
	}

	@Test
	void aContactNeedsOnlyAnEmailOrAPhone() {
		String owner = newWorkspace().token();
		Reply byPhone = this.api.post("/api/contacts", owner, Map.of("phone", "555.010.1234"));
		Reply byEmail = this.api.post("/api/contacts", owner, Map.of("email", "only@example.com"));

		assertThat(byPhone.status()).isEqualTo(201);
		assertThat(byPhone.data().get("phone").stringValue()).isEqualTo("5550101234");
		assertThat(byPhone.data().get("name").isNull()).isTrue();
		assertThat(byPhone.data().get("attributes")).isEqualTo(Api.JSON.createObjectNode());
		assertThat(byEmail.status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\":\"Ada\"}", "{\"name\":\"Ada\",\"attributes\":{\"a\":1}}",
			"{\"email\":null,\"phone\":null}" })
	void aContactWithoutEmailOrPhoneIsRefused(String body) {
		String owner = newWorkspace().token();
		Reply reply = this.api.post("/api/contacts", owner, body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("A contact needs an email or a phone");
		assertThat(items(list(owner, "")).size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"email\":\"not-an-email\"}", "{\"email\":\"\"}", "{\"email\":123}",
			"{\"email\":[\"a@example.com\"]}", "{\"phone\":\"12345\"}", "{\"phone\":\"555-CALL-NOW\"}",
			"{\"phone\":\"++4420794609\"}", "{\"phone\":\"123456789012345678901\"}", "{\"phone\":5550101234}",
			"{\"email\":\"a@example.com\",\"name\":\"\"}", "{\"email\":\"a@example.com\",\"name\":\"   \"}",
			"{\"email\":\"a@example.com\",\"attributes\":[1,2]}", "{\"email\":\"a@example.com\",\"attributes\":\"x\"}",
			"{\"email\":\"a@example.com\",\"attributes\":7}", "{\"email\":\"a@example.com\",\"attributes\":null}", "[]",
			"null", "{\"email\":", "" })
	void aMalformedContactIsASchemaErrorAndAddsNothing(String body) {
		String owner = newWorkspace().token();
		Reply reply = this.api.post("/api/contacts", owner, body);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(items(list(owner, "")).size()).isZero();
	}

	@Test
	void attributesOfMoreThan16KiBAreRefused() {
		String owner = newWorkspace().token();
		Reply tooLarge = this.api.post("/api/contacts", owner,
				Map.of("email", "big@example.com", "attributes", Map.of("notes", "x".repeat(16 * 1024))));
		Reply justFits = this.api.post("/api/contacts", owner,
				Map.of("email", "fits@example.com", "attributes", Map.of("notes", "x".repeat(16 * 1024 - 20))));

		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.error()).isEqualTo("Invalid request schema");
		assertThat(justFits.status()).as(justFits.raw()).isEqualTo(201);
		assertThat(items(list(owner, "")).size()).isOne();
	}

	@Test
	void anEmailOrPhoneNamesOneContactOfTheWorkspace() {
		String owner = newWorkspace().token();
		add(owner, Map.of("email", "twice@example.com", "phone", "+1 555 010 7777"));

		Reply sameEmail = this.api.post("/api/contacts", owner, Map.of("email", "TWICE@example.com"));
		Reply samePhone = this.api.post("/api/contacts", owner, Map.of("phone", "+1-555-010-7777"));

		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameEmail.error()).isEqualTo("A contact with this email, phone or session already exists");
		assertThat(samePhone.status()).isEqualTo(409);
		assertThat(samePhone.error()).isEqualTo("A contact with this email, phone or session already exists");
		assertThat(items(list(owner, "")).size()).isOne();
	}

	@Test
	void editingChangesOnlyTheDetailsGiven() {
		String owner = newWorkspace().token();
		String id = add(owner, Map.of("name", "Grace", "email", "grace@example.com", "attributes", Map.of("a", 1)));

		Reply renamed = patch(owner, id, "{\"name\":\"Grace Hopper\",\"phone\":\"+1 (555) 010-2222\"}");
		assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
		assertThat(renamed.data().get("name").stringValue()).isEqualTo("Grace Hopper");
		assertThat(renamed.data().get("email").stringValue()).isEqualTo("grace@example.com");
		assertThat(renamed.data().get("phone").stringValue()).isEqualTo("+15550102222");
		assertThat(renamed.data().get("attributes").get("a").asInt()).isEqualTo(1);

		Reply replaced = patch(owner, id, "{\"attributes\":{\"b\":{\"nested\":[true]}},\"email\":\"G@EXAMPLE.com\"}");
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.data().get("attributes").toString()).isEqualTo("{\"b\":{\"nested\":[true]}}");
		assertThat(replaced.data().get("email").stringValue()).isEqualTo("g@example.com");

		Reply cleared = patch(owner, id, "{\"name\":null,\"email\":null}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.data().get("name").isNull()).isTrue();
		assertThat(cleared.data().get("email").isNull()).isTrue();
		assertThat(cleared.data().get("phone").stringValue()).isEqualTo("+15550102222");

		assertThat(patch(owner, id, "{}").data()).isEqualTo(cleared.data());
		assertThat(get(owner, id)).isEqualTo(cleared.data());
	}

	@Test
	void aContactKeepsSomethingToKnowItBy() {
		String owner = newWorkspace().token();
		String id = add(owner, Map.of("name", "Alan", "email", "alan@example.com"));
		JsonNode before = get(owner, id);

		Reply reply = patch(owner, id, "{\"email\":null,\"name\":\"Someone\"}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("A contact needs an email or a phone");
		assertThat(get(owner, id)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"email\":\"nope\"}", "{\"email\":42}", "{\"phone\":\"12\"}", "{\"name\":\"\"}",
			"{\"name\":\" \"}", "{\"name\":false}", "{\"attributes\":null}", "{\"attributes\":[]}",
			"{\"attributes\":\"{}\"}", "[]", "null", "{" })
	void aMalformedEditIsASchemaErrorAndChangesNothing(String body) {
		String owner = newWorkspace().token();
		String id = add(owner, Map.of("name", "Alan", "email", "alan@example.com", "attributes", Map.of("k", "v")));
		JsonNode before = get(owner, id);

		Reply reply = patch(owner, id, body);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(get(owner, id)).isEqualTo(before);
	}

	@Test
	void anEditCannotTakeAnotherContactsEmailOrPhone() {
		String owner = newWorkspace().token();
		add(owner, Map.of("email", "taken@example.com", "phone", "+15550103333"));
		String id = add(owner, Map.of("email", "free@example.com"));
		JsonNode before = get(owner, id);

		Reply email = patch(owner, id, "{\"email\":\"Taken@example.com\"}");
		Reply phone = patch(owner, id, "{\"phone\":\"+1 555 010 3333\",\"name\":\"Changed\"}");

		assertThat(email.status()).isEqualTo(409);
		assertThat(email.error()).isEqualTo("A contact with this email, phone or session already exists");
		assertThat(phone.status()).isEqualTo(409);
		assertThat(get(owner, id)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PATCH", "GET notes", "POST notes" })
	void anUnknownOrMalformedIdIsNotFound(String route) {
		String owner = newWorkspace().token();
		for (String id : List.of(UUID.randomUUID().toString(), "c42", "%20")) {
			Reply reply = call(route, owner, id);
			assertThat(reply.status()).as(route + " " + id).isEqualTo(404);
			assertThat(reply.error()).isEqualTo("Contact not found");
		}
	}

	@Test
	void theListShowsTheMostRecentlySeenFirst() {
		TestUser owner = newWorkspace();
		String first = add(owner.token(), Map.of("email", "first@example.com"));
		this.clock.advance(Duration.ofMillis(5));
		String second = add(owner.token(), Map.of("email", "second@example.com"));
		this.clock.advance(Duration.ofMillis(5));
		String third = add(owner.token(), Map.of("email", "third@example.com"));
		assertThat(ids(items(list(owner.token(), "")))).containsExactly(third, second, first);

		this.clock.advance(Duration.ofMillis(5));
		this.directory.seen(workspaceOf(owner), new ContactId(UUID.fromString(first)));

		assertThat(ids(items(list(owner.token(), "")))).containsExactly(first, third, second);
		assertThat(get(owner.token(), first).get("lastSeenAt").stringValue())
			.isGreaterThan(get(owner.token(), first).get("firstSeenAt").stringValue());
	}

	@Test
	void seeingAContactOfAnotherWorkspaceChangesNothing() {
		TestUser owner = newWorkspace();
		String id = add(owner.token(), Map.of("email", "quiet@example.com"));
		JsonNode before = get(owner.token(), id);

		this.clock.advance(Duration.ofMillis(5));
		this.directory.seen(WorkspaceId.DEFAULT, new ContactId(UUID.fromString(id)));

		assertThat(get(owner.token(), id)).isEqualTo(before);
	}

	@Test
	void pagesCoverEveryContactOnceInAStableOrder() {
		String owner = newWorkspace().token();
		Set<String> created = new LinkedHashSet<>();
		for (int i = 0; i < 11; i++) {
			created.add(add(owner, Map.of("email", "page" + i + "@example.com")));
		}

		List<String> paged = walk(owner, "", 4, 3);
		List<String> whole = ids(items(list(owner, "?limit=100")));

		assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
		assertThat(paged).isEqualTo(whole);
		assertThat(walk(owner, "", 4, 3)).isEqualTo(paged);
		assertThat(ids(items(list(owner, "?cursor=&q=&limit=4")))).isEqualTo(paged.subList(0, 4));
	}

	@Test
	void aSearchIsPagedToo() {
		String owner = newWorkspace().token();
		Set<String> matching = new LinkedHashSet<>();
		for (int i = 0; i < 7; i++) {
			matching.add(add(owner, Map.of("name", "Maria Nr" + i, "email", "m" + i + "@example.com")));
			add(owner, Map.of("name", "Other " + i, "email", "o" + i + "@example.com"));
		}

		List<String> paged = walk(owner, "q=MARIA&", 2, 4);

		assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
	}

	@Test
	void aSearchMatchesNameEmailAndPhoneIgnoringCase() {
		String owner = newWorkspace().token();
		String byName = add(owner, Map.of("name", "Zoë Quinn", "email", "zq@example.com"));
		String byEmail = add(owner, Map.of("email", "Quill.Writer@example.com"));
		String byPhone = add(owner, Map.of("phone", "+49 30 1234 5678"));
		String literal = add(owner, Map.of("name", "100% sure_thing", "email", "other@example.com"));

		assertThat(ids(items(list(owner, "?q=zoË")))).containsExactly(byName);
		assertThat(ids(items(list(owner, "?q=QUILL")))).containsExactly(byEmail);
		assertThat(ids(items(list(owner, "?q=30%201234")))).containsExactly(byPhone);
		assertThat(ids(items(list(owner, "?q=%2B4930")))).containsExactly(byPhone);
		assertThat(ids(items(list(owner, "?q=0%25")))).containsExactly(literal);
		assertThat(ids(items(list(owner, "?q=e_t")))).containsExactly(literal);
		assertThat(ids(items(list(owner, "?q=qu")))).containsExactlyInAnyOrder(byName, byEmail);
		assertThat(items(list(owner, "?q=nobody")).size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=garbage", "cursor=%21%21", "cursor=bm90LWEtY3Vyc29y",
			"cursor=MjAyNS0wMS0wMVQwMDowMDowMFosMQ",
			"cursor=KzEwMDAwLTAxLTAxVDAwOjAwOjAwWiwzZjI1MDRlMC00Zjg5LTQxZDMtOWEwYy0wMzA1ZTgyYzMzMDE", "limit=0",
			"limit=101", "limit=ten", "limit=-1" })
	void aMalformedCursorOrLimitIsASchemaError(String query) {
		String owner = newWorkspace().token();
		Reply reply = this.api.get("/api/contacts?" + query, owner);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
	}

	@Test
	void staffWriteNotesAndReadThemOldestFirst() {
		Team team = this.api.team();
		String id = add(team.agent().token(), Map.of("email", unique("noted")));

		Reply first = this.api.post("/api/contacts/" + id + "/notes", team.agent().token(),
				Map.of("content", "Prefers email"));
		Reply second = this.api.post("/api/contacts/" + id + "/notes", team.supervisor().token(),
				Map.of("content", "VIP since 2021"));

		assertThat(first.status()).as(first.raw()).isEqualTo(201);
		assertThat(first.data().get("authorId").stringValue()).isEqualTo(team.agent().id());
		assertThat(first.data().get("authorName").stringValue()).isEqualTo("Test agent");
		assertThat(first.data().get("content").stringValue()).isEqualTo("Prefers email");
		assertThat(first.data().get("createdAt").stringValue()).isNotBlank();
		assertThat(first.data().size()).isEqualTo(5);
		Reply notes = this.api.get("/api/contacts/" + id + "/notes", team.admin().token());
		assertThat(notes.status()).isEqualTo(200);
		assertThat(notes.data().get("items").size()).isEqualTo(2);
		assertThat(notes.data().get("items").get(0)).isEqualTo(first.data());
		assertThat(notes.data().get("items").get(1)).isEqualTo(second.data());
		assertThat(notes.data().get("items").get(1).get("authorName").stringValue()).isEqualTo("Test supervisor");
		assertThat(notes.data().get("nextCursor").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"content\":\"\"}", "{\"content\":\"  \"}", "{\"content\":5}",
			"{\"content\":null}", "[]" })
	void aMalformedNoteIsASchemaErrorAndAddsNothing(String body) {
		String owner = newWorkspace().token();
		String id = add(owner, Map.of("email", "n@example.com"));

		Reply reply = this.api.post("/api/contacts/" + id + "/notes", owner, body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", owner).size()).isZero();
	}

	@Test
	void aNoteHoldsUpTo5000Characters() {
		String owner = newWorkspace().token();
		String id = add(owner, Map.of("email", "long@example.com"));

		Reply tooLong = this.api.post("/api/contacts/" + id + "/notes", owner, Map.of("content", "x".repeat(5001)));
		Reply longest = this.api.post("/api/contacts/" + id + "/notes", owner, Map.of("content", "x".repeat(5000)));

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(longest.status()).isEqualTo(201);
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", owner).size()).isOne();
	}

	@Test
	void onlyTheAuthorDeletesANote() {
		Team team = this.api.team();
		String id = add(team.agent().token(), Map.of("email", unique("erased")));
		String note = this.api.post("/api/contacts/" + id + "/notes", team.agent().token(), Map.of("content", "mine"))
			.data()
			.get("id")
			.stringValue();

		for (TestUser other : List.of(team.admin(), team.supervisor())) {
			Reply refused = delete("/api/contacts/" + id + "/notes/" + note, other.token());
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
		}
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", team.agent().token()).size()).isOne();

		Reply deleted = delete("/api/contacts/" + id + "/notes/" + note, team.agent().token());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.data().get("id").stringValue()).isEqualTo(note);
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", team.agent().token()).size()).isZero();

		Reply again = delete("/api/contacts/" + id + "/notes/" + note, team.agent().token());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.error()).isEqualTo("Note not found");
	}

	@Test
	void aNoteIsOnlyFoundThroughItsContact() {
		String owner = newWorkspace().token();
		String noted = add(owner, Map.of("email", "a@example.com"));
		String other = add(owner, Map.of("email", "b@example.com"));
		String note = this.api.post("/api/contacts/" + noted + "/notes", owner, Map.of("content", "x"))
			.data()
			.get("id")
			.stringValue();

		for (String path : List.of("/api/contacts/" + other + "/notes/" + note,
				"/api/contacts/" + noted + "/notes/" + UUID.randomUUID(), "/api/contacts/" + noted + "/notes/n1")) {
			Reply reply = delete(path, owner);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.error()).isEqualTo("Note not found");
		}
		assertThat(this.api.everyItem("/api/contacts/" + noted + "/notes", owner).size()).isOne();
	}

	@Test
	void agentsSupervisorsAndAdminsManageContacts() {
		Team team = this.api.team();
		for (TestUser member : List.of(team.agent(), team.supervisor(), team.admin())) {
			String id = add(member.token(), Map.of("email", unique(member.role())));
			assertThat(get(member.token(), id).get("email").stringValue()).startsWith(member.role());
			assertThat(patch(member.token(), id, "{\"name\":\"N\"}").status()).isEqualTo(200);
			assertThat(list(member.token(), "?q=" + member.role()).status()).isEqualTo(200);
			Reply note = this.api.post("/api/contacts/" + id + "/notes", member.token(), Map.of("content", "hi"));
			assertThat(note.status()).isEqualTo(201);
			assertThat(this.api.get("/api/contacts/" + id + "/notes", member.token()).status()).isEqualTo(200);
			String noteId = note.data().get("id").stringValue();
			assertThat(delete("/api/contacts/" + id + "/notes/" + noteId, member.token()).status()).isEqualTo(200);
		}
	}

	@Test
	void aCandidateIsRefusedEveryRoute() {
		Team team = this.api.team();
		TestUser candidate = team.candidate();
		String id = add(team.agent().token(), Map.of("email", unique("private")));
		String note = this.api.post("/api/contacts/" + id + "/notes", team.agent().token(), Map.of("content", "x"))
			.data()
			.get("id")
			.stringValue();
		JsonNode before = get(team.agent().token(), id);

		List<Reply> replies = List.of(this.api.get("/api/contacts", candidate.token()),
				this.api.post("/api/contacts", candidate.token(), Map.of("email", unique("sneaky"))),
				this.api.post("/api/contacts", candidate.token(), "{\"malformed\":"),
				this.api.get("/api/contacts/" + id, candidate.token()),
				patch(candidate.token(), id, "{\"name\":\"X\"}"),
				this.api.get("/api/contacts/" + id + "/notes", candidate.token()),
				this.api.post("/api/contacts/" + id + "/notes", candidate.token(), Map.of("content", "x")),
				delete("/api/contacts/" + id + "/notes/" + note, candidate.token()));

		for (Reply reply : replies) {
			assertThat(reply.status()).as(reply.raw()).isEqualTo(403);
			assertThat(reply.error()).isEqualTo("Forbidden, insufficient permissions");
		}
		assertThat(get(team.agent().token(), id)).isEqualTo(before);
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", team.agent().token()).size()).isOne();
	}

	@Test
	void everyRouteNeedsAToken() {
		for (Reply reply : List.of(this.api.get("/api/contacts", null),
				this.api.post("/api/contacts", null, Map.of("email", "x@example.com")),
				this.api.get("/api/contacts/" + UUID.randomUUID(), null))) {
			assertThat(reply.status()).isEqualTo(401);
		}
	}

	@Test
	void anotherWorkspaceCannotReachTheDefaultWorkspacesContacts() {
		Team team = this.api.team();
		String email = unique("isolated");
		String id = add(team.agent().token(), Map.of("name", "Kept", "email", email));
		String note = this.api.post("/api/contacts/" + id + "/notes", team.agent().token(), Map.of("content", "x"))
			.data()
			.get("id")
			.stringValue();
		JsonNode before = get(team.agent().token(), id);
		String other = newWorkspace().token();

		for (String route : List.of("GET", "PATCH", "GET notes", "POST notes", "DELETE note " + note)) {
			Reply foreign = call(route, other, id);
			Reply missing = call(route, other, UUID.randomUUID().toString());
			assertThat(foreign.status()).as(route).isEqualTo(404);
			assertThat(foreign.raw()).isEqualTo(missing.raw()).contains("Contact not found");
		}
		assertThat(items(list(other, "")).size()).isZero();
		assertThat(items(list(other, "?q=" + email)).size()).isZero();

		assertThat(get(team.agent().token(), id)).isEqualTo(before);
		assertThat(this.api.everyItem("/api/contacts/" + id + "/notes", team.agent().token()).size()).isOne();
		assertThat(ids(items(list(team.agent().token(), "?q=" + email)))).containsExactly(id);
	}

	@Test
	void anEmailKnownInOneWorkspaceIsFreeInAnother() {
		Team team = this.api.team();
		String email = unique("shared");
		add(team.agent().token(), Map.of("email", email));
		String other = newWorkspace().token();

		Reply reply = this.api.post("/api/contacts", other, Map.of("email", email));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(ids(items(list(team.agent().token(), "?q=" + email))))
			.doesNotContain(reply.data().get("id").stringValue());
	}

	@Test
	void aCandidateWhoStartsAConversationBecomesAContactWithTheirLogin() {
		Team team = this.api.team();
		this.api.startConversation(team);

		JsonNode found = items(list(team.admin().token(), "?q=" + team.candidate().email()));

		assertThat(found.size()).isOne();
		JsonNode contact = found.get(0);
		assertThat(contact.get("email").stringValue()).isEqualTo(team.candidate().email());
		assertThat(contact.get("userId").stringValue()).isEqualTo(team.candidate().id());
		assertThat(contact.get("name").stringValue()).isEqualTo("Test candidate");
		assertThat(get(team.agent().token(), contact.get("id").stringValue())).isEqualTo(contact);
	}

	@Test
	void aContactRecordedByEmailBecomesTheCandidatesWhenTheyStartAConversation() {
		Team team = this.api.team();
		String id = add(team.agent().token(),
				Map.of("name", "Known before", "email", team.candidate().email().toUpperCase()));

		this.api.startConversation(team);

		JsonNode contact = get(team.agent().token(), id);
		assertThat(contact.get("userId").stringValue()).isEqualTo(team.candidate().id());
		assertThat(contact.get("name").stringValue()).isEqualTo("Known before");
		assertThat(items(list(team.agent().token(), "?q=" + team.candidate().email())).size()).isOne();
	}

	@Test
	void aContactWithALoginMayLoseItsEmail() {
		Team team = this.api.team();
		this.api.startConversation(team);
		String id = items(list(team.admin().token(), "?q=" + team.candidate().email())).get(0).get("id").stringValue();

		Reply reply = patch(team.admin().token(), id, "{\"email\":null}");

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("email").isNull()).isTrue();
		assertThat(reply.data().get("userId").stringValue()).isEqualTo(team.candidate().id());
	}

	/** A new workspace, owned by a new user; its token acts in it. */
	private TestUser newWorkspace() {
		TestUser user = this.api.signUp("admin");
		Reply created = this.api.post("/api/workspaces", user.token(), Map.of("name", "Other " + UUID.randomUUID()));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return new TestUser(user.id(), user.email(), "owner", created.data().get("token").stringValue());
	}

	private WorkspaceId workspaceOf(TestUser owner) {
		Reply current = this.api.get("/api/workspace", owner.token());
		return WorkspaceId.parse(current.data().get("id").stringValue()).orElseThrow();
	}

	private String add(String token, Map<String, ?> body) {
		Reply reply = this.api.post("/api/contacts", token, body);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("id").stringValue();
	}

	private JsonNode get(String token, String id) {
		Reply reply = this.api.get("/api/contacts/" + id, token);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	private Reply list(String token, String query) {
		return this.api.get("/api/contacts" + query, token);
	}

	private Reply patch(String token, String id, String body) {
		return this.api.send("PATCH", "/api/contacts/" + id, token, "application/json", body);
	}

	private Reply delete(String path, String token) {
		return this.api.send("DELETE", path, token, null, null);
	}

	/** A route on the contact {@code id}, as written in the isolation tests. */
	private Reply call(String route, String token, String id) {
		String path = "/api/contacts/" + id;
		return switch (route) {
			case "GET" -> this.api.get(path, token);
			case "PATCH" -> patch(token, id, "{\"name\":\"Changed\"}");
			case "GET notes" -> this.api.get(path + "/notes", token);
			case "POST notes" -> this.api.post(path + "/notes", token, Map.of("content", "leak"));
			default -> delete(path + "/notes/" + route.substring("DELETE note ".length()), token);
		};
	}

	/** Follows {@code nextCursor} to the end; asserts the number of pages. */
	private List<String> walk(String token, String query, int limit, int pages) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		int count = 0;
		do {
			String path = "?" + query + "limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : "");
			Reply page = list(token, path);
			assertThat(page.status()).as(page.raw()).isEqualTo(200);
			JsonNode items = items(page);
			assertThat(items.size()).isLessThanOrEqualTo(limit).isPositive();
			ids.addAll(ids(items));
			JsonNode next = page.data().get("nextCursor");
			cursor = next.isNull() ? null : next.stringValue();
			count++;
		}
		while (cursor != null);
		assertThat(count).isEqualTo(pages);
		return ids;
	}

	private static JsonNode items(Reply reply) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().has("nextCursor")).isTrue();
		return reply.data().get("items");
	}

	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").stringValue()));
		return ids;
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID() + "@example.com";
	}

}

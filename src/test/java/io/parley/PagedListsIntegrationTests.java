package io.parley;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list route answers a page at a time, {@code {items, nextCursor}}, cut by key: the
 * pages of any size add up to the whole list, in order, once each.
 */
@ParleyIntegrationTest
class PagedListsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
	}

	@Test
	void pendingInvitationsComeInPagesOldestFirst() {
		List<String> invited = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Reply reply = this.api.post("/api/invitations", owner(),
					Map.of("email", "invited-" + UUID.randomUUID() + "@example.com", "role", "admin"));
			assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
			invited.add(reply.data().get("id").stringValue());
		}

		assertEveryPageSizeWalksTheList("/api/invitations", invited);
	}

	@Test
	void rolesComeInPagesTheBuiltInOnesFirst() {
		List<String> roles = new ArrayList<>();
		for (Role role : Role.values()) {
			roles.add(role.value());
		}
		for (int i = 0; i < 6; i++) {
			roles.add(createRole("Role " + i));
		}

		assertEveryPageSizeWalksTheList("/api/roles", roles);
	}

	@Test
	void aRoleDeletedAtTheEndOfAPageHidesNoOther() {
		String first = createRole("First");
		String second = createRole("Second");
		String third = createRole("Third");
		Reply page = this.api.get("/api/roles?limit=" + (Role.values().length + 1), owner());
		assertThat(ids(page.data().get("items"))).endsWith(first);

		Reply deleted = this.api.send("DELETE", "/api/roles/" + first, owner(), null, null);
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
		Reply next = this.api.get("/api/roles?cursor=" + page.data().get("nextCursor").stringValue(), owner());

		assertThat(ids(next.data().get("items"))).containsExactly(second, third);
		assertThat(next.data().get("nextCursor").isNull()).isTrue();
	}

	@Test
	void aCallersWorkspacesComeInPagesOldestMembershipFirst() {
		List<String> workspaces = new ArrayList<>(List.of(this.workspace.id()));
		for (int i = 0; i < 6; i++) {
			Reply created = this.api.post("/api/workspaces", owner(), Map.of("name", "Branch " + i));
			assertThat(created.status()).as(created.raw()).isEqualTo(201);
			workspaces.add(created.data().get("id").stringValue());
		}

		assertEveryPageSizeWalksTheList("/api/workspaces", workspaces);
	}

	@Test
	void aContactsNotesComeInPagesOldestFirst() {
		String contact = contact();
		List<String> notes = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Reply note = this.api.post("/api/contacts/" + contact + "/notes", owner(), Map.of("content", "Note " + i));
			assertThat(note.status()).as(note.raw()).isEqualTo(201);
			notes.add(note.data().get("id").stringValue());
		}

		assertEveryPageSizeWalksTheList("/api/contacts/" + contact + "/notes", notes);
	}

	/**
	 * Notes written in the same instant are told apart by their id, so no page boundary
	 * falls between equal keys and loses one.
	 */
	@Test
	void aPageHoldsFiftyUnlessAskedForUpToAHundredAndTiesDoNotSplit() {
		String contact = contact();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < 101; i++) {
			this.jdbc.sql(
					"INSERT INTO contact_notes (id, contact_id, author_id, content, created_at) VALUES (?, ?, ?, ?, ?)")
				.params(UUID.randomUUID(), UUID.fromString(contact), UUID.fromString(this.workspace.owner().id()),
						"Note " + i, now)
				.update();
		}
		String path = "/api/contacts/" + contact + "/notes";

		Reply page = this.api.get(path, owner());
		assertThat(page.data().get("items").size()).isEqualTo(50);
		assertThat(page.data().get("nextCursor").stringValue()).isNotEmpty();
		Reply large = this.api.get(path + "?limit=100", owner());
		assertThat(large.data().get("items").size()).isEqualTo(100);
		Reply rest = this.api.get(path + "?limit=100&cursor=" + large.data().get("nextCursor").stringValue(), owner());
		assertThat(rest.data().get("items").size()).isEqualTo(1);
		assertThat(rest.data().get("nextCursor").isNull()).isTrue();
		for (int limit : List.of(7, 50, 100)) {
			assertThat(ids(this.api.everyItem(path, owner(), limit))).hasSize(101).doesNotHaveDuplicates();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=nope", "cursor=bm9wZQ", "cursor=MjAyNS0wMS0wMVQwMDowMDowMFosMQ",
			"cursor=cm9sZSxub2JvZHk", "cursor=%21%21", "limit=0", "limit=101", "limit=-1", "limit=ten" })
	void aMalformedCursorOrLimitIsAnInvalidRequest(String query) {
		for (String list : List.of("/api/invitations", "/api/roles", "/api/workspaces",
				"/api/contacts/" + contact() + "/notes", "/api/members", "/api/contacts")) {
			Reply reply = this.api.get(list + "?" + query, owner());

			assertThat(reply.status()).as(list + " " + reply.raw()).isEqualTo(400);
			assertThat(reply.body().get("success").booleanValue()).isFalse();
			assertThat(reply.error()).isEqualTo("Invalid request schema");
		}
	}

	@Test
	void aCursorOfOneListNamesNoPlaceInAnother() {
		String cursor = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("role,agent".getBytes(StandardCharsets.UTF_8));

		assertThat(this.api.get("/api/roles?cursor=" + cursor, owner()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/invitations?cursor=" + cursor, owner()).status()).isEqualTo(400);
	}

	/**
	 * Pages of every size from one to one more than the list follow one another to the
	 * whole list, in order, once each; the first page without a limit is all of it.
	 */
	@Test
	void cannedResponsesComeInPagesByShortcut() {
		Map<String, String> byShortcut = new TreeMap<>();
		for (String shortcut : List.of("thanks", "refund", "hello", "bye", "refund-done", "wait")) {
			Reply reply = this.api.post("/api/canned-responses", owner(),
					Map.of("shortcut", shortcut, "title", shortcut, "body", "Text", "visibility", "shared"));
			assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
			byShortcut.put(shortcut, reply.data().get("id").stringValue());
		}

		assertEveryPageSizeWalksTheList("/api/canned-responses", List.copyOf(byShortcut.values()));
	}

	private void assertEveryPageSizeWalksTheList(String path, List<String> expected) {
		for (int limit = 1; limit <= expected.size() + 1; limit++) {
			assertThat(ids(this.api.everyItem(path, owner(), limit))).as("limit " + limit)
				.containsExactlyElementsOf(expected);
		}
		Reply whole = this.api.get(path, owner());
		assertThat(whole.status()).as(whole.raw()).isEqualTo(200);
		assertThat(ids(whole.data().get("items"))).containsExactlyElementsOf(expected);
		assertThat(whole.data().get("nextCursor").isNull()).isTrue();
		assertThat(whole.data().size()).isEqualTo(2);
		Reply emptyCursor = this.api.get(path + "?cursor=&limit=2", owner());
		assertThat(ids(emptyCursor.data().get("items"))).containsExactlyElementsOf(expected.subList(0, 2));
	}

	private String createRole(String name) {
		Reply reply = this.api.post("/api/roles", owner(), Map.of("name", name, "permissions", List.of()));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("id").stringValue();
	}

	private String contact() {
		Reply reply = this.api.post("/api/contacts", owner(), Map.of("email", UUID.randomUUID() + "@example.com"));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("id").stringValue();
	}

	private String owner() {
		return this.workspace.owner().token();
	}

	/** The items' ids; a built-in role, which has none, by its name. */
	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items
			.forEach((item) -> ids.add(item.has("id") ? item.get("id").stringValue() : item.get("name").stringValue()));
		return ids;
	}

}

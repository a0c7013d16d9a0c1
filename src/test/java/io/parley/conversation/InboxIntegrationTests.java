package io.parley.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class InboxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aCandidateOpensAConversationWithItsContextThroughSeed001sRoute() {
		Reply created = this.api.post("/api/chat/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.supervisor().id(), "subject", "Billing question", "pageUrl",
						"https://acme.example/pricing", "referrer", "https://search.example/"));

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode conversation = created.data();
		assertThat(conversation.get("status").stringValue()).isEqualTo("open");
		assertThat(conversation.get("channel").stringValue()).isEqualTo("web");
		assertThat(conversation.get("priority").stringValue()).isEqualTo("normal");
		assertThat(conversation.get("subject").stringValue()).isEqualTo("Billing question");
		assertThat(conversation.get("pageUrl").stringValue()).isEqualTo("https://acme.example/pricing");
		assertThat(conversation.get("referrer").stringValue()).isEqualTo("https://search.example/");
		assertThat(conversation.get("candidateId").stringValue()).isEqualTo(this.team.candidate().id());
		assertThat(conversation.get("contact").get("email").stringValue()).isEqualTo(this.team.candidate().email());
		String id = conversation.get("id").stringValue();

		assertThat(ids(list(this.team.candidate().token(), ""))).containsExactly(id);
		assertThat(ids(list(this.team.supervisor().token(), ""))).containsExactly(id);
		assertThat(ids(list(this.team.admin().token(), "?q=" + this.team.candidate().email()))).containsExactly(id);
		assertThat(ids(list(this.team.agent().token(), ""))).isEmpty();
	}

	@Test
	void theStaffOpensAConversationWithAKnownContact() {
		String first = this.api.startConversation(this.team);
		String contactId = this.api.get("/api/conversations/" + first, this.team.admin().token())
			.data()
			.get("contact")
			.get("id")
			.stringValue();

		Reply created = this.api.post("/api/conversations", this.team.supervisor().token(),
				Map.of("contactId", contactId, "subject", "Your order", "priority", "high"));

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		assertThat(created.data().get("channel").stringValue()).isEqualTo("api");
		assertThat(created.data().get("priority").stringValue()).isEqualTo("high");
		assertThat(created.data().get("contact").get("id").stringValue()).isEqualTo(contactId);
		assertThat(this.api
			.post("/api/conversations", this.team.supervisor().token(),
					Map.of("contactId", UUID.randomUUID().toString()))
			.error()).isEqualTo("Contact not found");
		assertThat(
				this.api.post("/api/conversations", this.team.supervisor().token(), Map.of("priority", "high")).error())
			.isEqualTo("Invalid request schema");
	}

	@Test
	void theInboxFiltersByStatusAssigneePriorityChannelTagAndText() {
		String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
		String assigned = this.api.assignedConversation(this.team);
		Team other = this.api.team();
		String waiting = this.api.startConversation(other);
		patch(assigned, this.team.supervisor().token(), Map.of("tags", List.of(tag, "VIP "), "priority", "urgent"));
		patch(waiting, other.admin().token(), Map.of("tags", List.of(tag), "status", "pending"));
		this.api.post("/api/conversations/" + assigned + "/messages", this.team.candidate().token(),
				Map.of("content", "My parcel " + tag + "-zebra never arrived"));
		String admin = this.team.admin().token();

		assertThat(ids(list(admin, "?tag=" + tag))).containsExactlyInAnyOrder(assigned, waiting);
		assertThat(ids(list(admin, "?tag=vip&q=" + tag))).containsExactly(assigned);
		assertThat(ids(list(admin, "?tag=" + tag + "&status=pending"))).containsExactly(waiting);
		assertThat(ids(list(admin, "?tag=" + tag + "&status=open,pending"))).containsExactlyInAnyOrder(assigned,
				waiting);
		assertThat(ids(list(admin, "?tag=" + tag + "&status=assigned"))).isEmpty();
		assertThat(ids(list(admin, "?tag=" + tag + "&priority=urgent"))).containsExactly(assigned);
		assertThat(ids(list(admin, "?tag=" + tag + "&assignee=unassigned"))).containsExactly(waiting);
		assertThat(ids(list(admin, "?tag=" + tag + "&assignee=" + this.team.agent().id()))).containsExactly(assigned);
		assertThat(ids(list(admin, "?tag=" + tag + "&channel=api"))).isEmpty();
		assertThat(ids(list(admin, "?q=" + tag + "-ZEBRA"))).containsExactly(assigned);
		assertThat(ids(list(this.team.agent().token(), "?assignee=me"))).containsExactly(assigned);
		JsonNode item = list(admin, "?tag=vip&q=" + tag).get("items").get(0);
		assertThat(item.get("tags").toString()).isEqualTo("[\"" + tag + "\",\"vip\"]");
		assertThat(item.get("unread").asLong()).isEqualTo(1);

		for (String bad : List.of("?status=snoozed", "?priority=meh", "?channel=fax", "?assignee=nobody", "?limit=0",
				"?limit=101", "?cursor=not-a-cursor",
				// a cursor of a time beyond what PostgreSQL compares with
				"?cursor=OTIyMzM3MjAzNjg1NDc3NTgwNzozZjI1MDRlMC00Zjg5LTQxZDMtOWEwYy0wMzA1ZTgyYzMzMDE",
				"?cursor=LTYyMTM1NTk2ODAwMDAxOjNmMjUwNGUwLTRmODktNDFkMy05YTBjLTAzMDVlODJjMzMwMQ")) {
			Reply reply = this.api.get("/api/conversations" + bad, admin);
			assertThat(reply.status()).as(bad).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("Invalid request schema");
		}
	}

	@Test
	void theCursorWalksTheInboxWithoutGapsOrRepeats() {
		String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Team team = this.api.team();
			String id = this.api.startConversation(team);
			patch(id, team.admin().token(), Map.of("tags", List.of(tag)));
			created.add(0, id);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = list(this.team.admin().token(),
					"?limit=3&tag=" + tag + ((cursor != null) ? "&cursor=" + cursor : ""));
			seen.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(created);
	}

	@Test
	void theStaffMovesAConversationThroughItsStatuses() {
		String id = this.api.startConversation(this.team);
		String supervisor = this.team.supervisor().token();

		assertThat(patch(id, supervisor, Map.of("status", "assigned")).error()).isEqualTo("Status change not allowed");
		assertThat(patch(id, supervisor, Map.of("status", "pending")).data().get("status").stringValue())
			.isEqualTo("pending");
		assertThat(patch(id, supervisor, Map.of("status", "resolved")).data().get("status").stringValue())
			.isEqualTo("resolved");
		assertThat(patch(id, supervisor, Map.of("status", "waiting")).error()).isEqualTo("Status change not allowed");
		assertThat(patch(id, supervisor, Map.of("status", "later")).error()).isEqualTo("Invalid request schema");
		assertThat(patch(id, supervisor, Map.of("tags", List.of(" "))).error()).isEqualTo("Invalid request schema");
		assertThat(
				patch(id, supervisor, Map.of("priority", "low", "status", "closed")).data().get("status").stringValue())
			.isEqualTo("closed");
		assertThat(patch(id, supervisor, Map.of("status", "open")).error()).isEqualTo("Conversation already closed");

		JsonNode conversation = this.api.get("/api/conversations/" + id, supervisor).data();
		assertThat(conversation.get("status").stringValue()).isEqualTo("closed");
		assertThat(conversation.get("priority").stringValue()).isEqualTo("low");
		assertThat(this.api
			.post("/api/conversations", this.team.candidate().token(),
					Map.of("supervisorId", this.team.supervisor().id()))
			.status()).as("closing frees the candidate to ask again").isEqualTo(201);
	}

	@Test
	void aResolvedConversationReopensWhenTheCustomerWritesAgain() {
		String id = this.api.assignedConversation(this.team);
		patch(id, this.team.agent().token(), Map.of("status", "resolved"));

		Reply posted = this.api.post("/api/conversations/" + id + "/messages", this.team.candidate().token(),
				Map.of("content", "Sorry, one more thing"));

		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
		assertThat(
				this.api.get("/api/conversations/" + id, this.team.agent().token()).data().get("status").stringValue())
			.isEqualTo("assigned");
	}

	@Test
	void assignmentsAreKeptWithWhoAndWhy() {
		String id = this.api.startConversation(this.team);
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", this.team.agent().id(), "reason", "speaks Spanish"));

		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		JsonNode history = assigned.data().get("assignments");
		assertThat(history.size()).isEqualTo(1);
		assertThat(history.get(0).get("agentId").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(history.get(0).get("assignedBy").stringValue()).isEqualTo(this.team.supervisor().id());
		assertThat(history.get(0).get("reason").stringValue()).isEqualTo("speaks Spanish");
		assertThat(this.api
			.post("/api/conversations/" + id + "/assign", this.team.admin().token(),
					Map.of("agentId", this.team.agent().id()))
			.error()).isEqualTo("Forbidden, insufficient permissions");
		Team other = this.api.team();
		assertThat(this.api
			.post("/api/conversations/" + id + "/assign", this.team.supervisor().token(),
					Map.of("agentId", other.agent().id()))
			.error()).isEqualTo("Agent doesn’t belong to you");
	}

	@Test
	void aConversationWithoutASupervisorIsAssignedThroughSeed003sRouteToo() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String owner = workspace.owner().token();
		String contact = this.api
			.post("/api/contacts", owner, Map.of("email", "c-" + UUID.randomUUID() + "@example.com"))
			.data()
			.get("id")
			.stringValue();
		// an agent opens it: it has no supervisor
		String id = this.api.post("/api/conversations", agent.token(), Map.of("contactId", contact))
			.data()
			.get("id")
			.stringValue();
		TestUser colleague = workspace.join(this.api, Map.of("role", "agent"));

		Reply assigned = this.api.post("/conversations/" + id + "/assign", owner, Map.of("agentId", colleague.id()));

		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		assertThat(assigned.data().get("agentId").stringValue()).isEqualTo(colleague.id());
		assertThat(assigned.data().get("supervisorId").isNull()).isTrue();
	}

	@Test
	void theContactIsSeenWhenTheCandidateComesBack() {
		String id = this.api.startConversation(this.team);
		String contact = "/api/contacts/" + this.api.get("/api/conversations/" + id, this.team.admin().token())
			.data()
			.get("contact")
			.get("id")
			.stringValue();
		String started = this.api.get(contact, this.team.admin().token()).data().get("lastSeenAt").stringValue();
		this.clock.advance(Duration.ofMillis(20));

		try (Socket candidate = Socket.connect(this.port, this.team.candidate().token())) {
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			candidate.expect("JOINED_CONVERSATION");
		}

		String joined = this.api.get(contact, this.team.admin().token()).data().get("lastSeenAt").stringValue();
		assertThat(Instant.parse(joined)).isAfter(Instant.parse(started));
	}

	@Test
	void anotherWorkspaceSeesNoneOfItAndChangesNothing() {
		String id = this.api.assignedConversation(this.team);
		String owner = newWorkspaceOwner();
		String before = this.api.get("/api/conversations/" + id, this.team.admin().token()).raw();

		assertThat(ids(list(owner, ""))).isEmpty();
		for (Reply reply : List.of(this.api.get("/api/conversations/" + id, owner),
				this.api.get("/api/chat/conversations/" + id + "/messages", owner),
				this.api.get("/conversations/" + id, owner),
				this.api.send("PATCH", "/api/conversations/" + id, owner, "application/json",
						"{\"status\":\"closed\"}"),
				this.api.post("/api/conversations/" + id + "/assign", owner, Map.of("agentId", this.team.agent().id())),
				this.api.post("/api/conversations/" + id + "/messages", owner, Map.of("content", "hi", "type", "note")),
				this.api.send("PUT", "/api/conversations/" + id + "/read", owner, "application/json", "{}"),
				this.api.post("/conversations/" + id + "/close", owner, Map.of()))) {
			assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
			assertThat(reply.error()).isEqualTo("Conversation not found");
		}
		assertThat(this.api.get("/api/conversations/" + id, this.team.admin().token()).raw()).isEqualTo(before);
	}

	private String newWorkspaceOwner() {
		Reply created = this.api.post("/api/workspaces", null, Map.of("name", "Elsewhere", "owner", Map.of("name",
				"Olga", "email", "owner-" + UUID.randomUUID() + "@example.com", "password", "secret123")));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.data().get("token").stringValue();
	}

	private JsonNode list(String token, String query) {
		Reply reply = this.api.get("/api/conversations" + query, token);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	private Reply patch(String id, String token, Map<String, ?> body) {
		return this.api.send("PATCH", "/api/conversations/" + id, token, "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").stringValue()));
		return ids;
	}

}

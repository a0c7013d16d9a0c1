package io.parley;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.Socket;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workspaces. Everything one holds is tried, by id, with tokens of the other, whose
 * roles allow everything: each answer is the one a made-up id gets, and nothing of the
 * first workspace changes.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class TenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	/** The workspace whose records are tried. */
	Ids mine;

	/** The owner of the other workspace, and its agent. */
	TestUser intruder;

	TestUser intrudingAgent;

	record Ids(TestWorkspace workspace, String workspaceId, TestUser agent, String member, String role, String contact,
			String note, String conversation, String invitation, String attachment, String cannedResponse) {
	}

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.mine = records(TestWorkspace.create(this.api));
		TestWorkspace other = TestWorkspace.create(this.api);
		this.intruder = other.owner();
		this.intrudingAgent = other.join(this.api, Map.of("role", "agent"));
	}

	private Ids records(TestWorkspace workspace) {
		String owner = workspace.owner().token();
		TestUser supervisor = workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = workspace.join(this.api, Map.of("role", "agent", "supervisorId", supervisor.id()));
		String role = data(
				this.api.post("/api/roles", owner, Map.of("name", "Auditor", "permissions", List.of("workspace.view"))))
			.get("id")
			.stringValue();
		String contact = data(this.api.post("/api/contacts", owner,
				Map.of("name", "Kim", "email", "kim-" + UUID.randomUUID() + "@example.com")))
			.get("id")
			.stringValue();
		String note = data(this.api.post("/api/contacts/" + contact + "/notes", owner, Map.of("content", "VIP")))
			.get("id")
			.stringValue();
		String conversation = data(this.api.post("/api/conversations", supervisor.token(),
				Map.of("contactId", contact, "subject", "Private matter")))
			.get("id")
			.stringValue();
		data(this.api.post("/api/conversations/" + conversation + "/assign", supervisor.token(),
				Map.of("agentId", agent.id())));
		data(this.api.post("/api/conversations/" + conversation + "/messages", agent.token(),
				Map.of("content", "secret content")));
		String attachment = data(Multipart.to(this.port)
			.file("receipt.txt", "text/plain", "Receipt 42".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.post("/api/conversations/" + conversation + "/attachments", agent.token())).get("attachments")
			.get(0)
			.get("id")
			.stringValue();
		String invitation = data(this.api.post("/api/invitations", owner,
				Map.of("email", "pending-" + UUID.randomUUID() + "@example.com", "role", "agent")))
			.get("id")
			.stringValue();
		String cannedResponse = data(this.api.post("/api/canned-responses", owner,
				Map.of("shortcut", "refund", "title", "Refund", "body", "Private matter", "visibility", "shared")))
			.get("id")
			.stringValue();
		return new Ids(workspace, workspace.id(), agent, agent.id(), role, contact, note, conversation, invitation,
				attachment, cannedResponse);
	}

	@Test
	void everyRouteAnswersAnotherWorkspacesIdAsOneThatDoesNotExist() {
		Map<String, String> before = snapshot();
		List<String> leaks = new ArrayList<>();
		for (Probe probe : probes()) {
			for (TestUser caller : List.of(this.intruder, this.intrudingAgent)) {
				Reply foreign = probe.send(this.api, caller.token(), this.mine);
				Reply madeUp = probe.send(this.api, caller.token(), madeUp());
				if (foreign.status() != madeUp.status() || !foreign.raw().equals(madeUp.raw())) {
					leaks.add(probe.method() + " " + probe.path() + " as " + caller.role() + ": " + foreign.status()
							+ " " + foreign.raw() + " but a made-up id gets " + madeUp.status() + " " + madeUp.raw());
				}
			}
		}
		assertThat(leaks).isEmpty();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void listsShowNothingOfAnotherWorkspace() {
		String token = this.intruder.token();
		for (String list : List.of("/api/conversations", "/api/conversations?q=secret", "/api/contacts?q=kim",
				"/api/members", "/api/roles", "/api/invitations", "/api/workspaces", "/admin/analytics",
				"/api/chat/settings", "/api/reports/overview", "/api/reports/agents", "/api/canned-responses",
				"/api/canned-responses?q=refund", "/api/notifications")) {
			Reply reply = this.api.get(list, token);
			assertThat(reply.status()).as(list).isEqualTo(200);
			for (String id : List.of(this.mine.conversation(), this.mine.contact(), this.mine.member(),
					this.mine.role(), this.mine.invitation(), this.mine.cannedResponse(), "Private matter",
					"secret content")) {
				assertThat(reply.raw()).as(list).doesNotContain(id);
			}
		}
		// the reports count the first workspace's conversation for its owner only
		assertThat(this.api.get("/api/reports/overview", this.mine.workspace().owner().token())
			.data()
			.at("/total/conversationsCreated")
			.asLong()).isEqualTo(1);
		assertThat(this.api.get("/api/reports/overview", token).data().at("/total/conversationsCreated").asLong())
			.isZero();
	}

	@Test
	void socketEventsTreatAnotherWorkspacesConversationAsMissing() {
		try (Socket agent = Socket.connect(this.port, this.intrudingAgent.token());
				Socket inbox = Socket.connect(this.port, this.intruder.token());
				Socket victim = Socket.connect(this.port, this.mine.agent().token());
				Socket ownInbox = Socket.connect(this.port, this.mine.workspace().owner().token())) {
			inbox.send("SUBSCRIBE_INBOX", Map.of("activity", true));
			inbox.expect("INBOX_SUBSCRIBED");
			ownInbox.send("SUBSCRIBE_INBOX", Map.of("activity", true));
			ownInbox.expect("INBOX_SUBSCRIBED");
			victim.send("JOIN_CONVERSATION", Map.of("conversationId", this.mine.conversation()));
			victim.expect("JOINED_CONVERSATION");
			for (String id : List.of(this.mine.conversation(), UUID.randomUUID().toString())) {
				agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));
				agent.expectError("Not allowed to access this conversation");
				agent.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hello?"));
				agent.expectError("You must join the conversation first");
				agent.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
				agent.expectError("Not allowed to access this conversation");
				agent.send("TYPING", Map.of("conversationId", id, "typing", true));
				agent.expectError("You must join the conversation first");
				agent.send("READ", Map.of("conversationId", id, "sequence", 1));
				agent.expectError("Not allowed to access this conversation");
			}
			this.api.send("PATCH", "/api/conversations/" + this.mine.conversation(),
					this.mine.workspace().owner().token(), "application/json", "{\"priority\":\"urgent\"}");
			this.api.post("/api/conversations/" + this.mine.conversation() + "/messages",
					this.mine.workspace().owner().token(), Map.of("content", "note", "type", "note"));

			victim.expect("NEW_MESSAGE");
			// the round that tells the workspace's own inbox of the note would tell the
			// other's
			awaitActivity(ownInbox, this.mine.conversation());
			inbox.expectSilence(Duration.ofMillis(300));
			agent.expectSilence(Duration.ofMillis(100));
		}
	}

	/** Passes over the socket's other frames until the conversation's activity comes. */
	private static void awaitActivity(Socket socket, String conversationId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode frame = socket.poll(Duration.ofMillis(200));
			if (frame != null && frame.get("event").stringValue().equals("CONVERSATION_ACTIVITY")
					&& frame.at("/data/conversationId").stringValue().equals(conversationId)) {
				return;
			}
		}
		throw new AssertionError("no CONVERSATION_ACTIVITY of " + conversationId);
	}

	@Test
	void aVisitorOfAnotherWorkspaceFindsNoConversationOfThisOne() {
		Visitors visitors = new Visitors(this.context);
		TestVisitor stranger = visitors.visitor(otherWorkspace(), "Stan");
		try (Socket visitor = Socket.connectWithQuery(this.port, "?visitorTicket=" + visitors.ticket(stranger))) {
			for (String id : List.of(this.mine.conversation(), UUID.randomUUID().toString())) {
				visitor.send("JOIN_CONVERSATION", Map.of("conversationId", id, "afterSequence", 0));
				visitor.expectError("Not allowed to access this conversation");
				visitor.send("TYPING", Map.of("conversationId", id, "typing", true));
				visitor.expectError("You must join the conversation first");
				visitor.send("READ", Map.of("conversationId", id, "sequence", 1));
				visitor.expectError("Not allowed to access this conversation");
			}
			visitor.expectSilence(Duration.ofMillis(100));
		}
	}

	private String otherWorkspace() {
		return this.api.get("/api/workspace", this.intruder.token()).data().get("id").stringValue();
	}

	/** Made-up ids of the same shapes, named by nothing. */
	private Ids madeUp() {
		String none = UUID.randomUUID().toString();
		return new Ids(this.mine.workspace(), none, this.mine.agent(), none, none, none, none, none, none, none, none);
	}

	/** What the first workspace's owner sees of it. */
	private Map<String, String> snapshot() {
		String owner = this.mine.workspace().owner().token();
		Map<String, String> state = new LinkedHashMap<>();
		for (String path : List.of("/api/workspace", "/api/members", "/api/roles", "/api/invitations",
				"/api/contacts/" + this.mine.contact(), "/api/contacts/" + this.mine.contact() + "/notes",
				"/api/conversations/" + this.mine.conversation(),
				"/api/conversations/" + this.mine.conversation() + "/messages", "/api/chat/settings",
				"/api/chat/settings/identity-secret", "/api/canned-responses/" + this.mine.cannedResponse())) {
			state.put(path, this.api.get(path, owner).raw());
		}
		return state;
	}

	private static List<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		for (String base : List.of("/api/conversations/{conversation}", "/api/chat/conversations/{conversation}")) {
			probes.add(new Probe("GET", base, null));
			probes.add(new Probe("PATCH", base, "{\"status\":\"closed\",\"priority\":\"low\",\"tags\":[\"x\"]}"));
			probes.add(new Probe("POST", base + "/assign", "{\"agentId\":\"{member}\"}"));
			probes.add(new Probe("GET", base + "/messages", null));
			probes.add(new Probe("POST", base + "/messages", "{\"content\":\"hi\",\"type\":\"note\"}"));
			probes.add(new Probe("POST", base + "/messages", "{\"content\":\"hi\"}"));
			probes.add(new Probe("PATCH", base + "/messages/1", "{\"content\":\"changed\"}"));
			probes.add(new Probe("PUT", base + "/read", "{}"));
			probes.add(new Probe("POST", base + "/snooze", "{\"until\":\"" + Instant.now().plusSeconds(3600) + "\"}"));
			probes.add(new Probe("DELETE", base + "/snooze", null));
			probes.add(new Probe("POST", base + "/merge", "{\"conversationId\":\"{conversation}\"}"));
			probes.add(new Probe("GET", base + "/history", null));
		}
		probes.add(new Probe("POST", "/api/conversations/{conversation}/rating", "{\"score\":5}"));
		probes.add(new Probe("GET", "/api/attachments/{attachment}", null));
		probes.add(new Probe("GET", "/conversations/{conversation}", null));
		probes.add(new Probe("POST", "/conversations/{conversation}/assign", "{\"agentId\":\"{member}\"}"));
		probes.add(new Probe("POST", "/conversations/{conversation}/close", "{}"));
		probes.add(new Probe("POST", "/api/conversations", "{\"contactId\":\"{contact}\"}"));
		probes.add(new Probe("GET", "/api/members/{member}", null));
		probes.add(new Probe("PATCH", "/api/members/{member}", "{\"maxConcurrent\":1}"));
		probes.add(new Probe("PATCH", "/api/members/{member}", "{\"role\":\"admin\"}"));
		probes.add(new Probe("POST", "/api/members/{member}/deactivate", "{}"));
		probes.add(new Probe("POST", "/api/members/{member}/activate", "{}"));
		probes.add(new Probe("DELETE", "/api/members/{member}", null));
		probes.add(new Probe("PUT", "/api/roles/{role}", "{\"name\":\"Stolen\",\"permissions\":[]}"));
		probes.add(new Probe("DELETE", "/api/roles/{role}", null));
		probes.add(new Probe("POST", "/api/invitations", "{\"email\":\"x@example.com\",\"customRoleId\":\"{role}\"}"));
		probes.add(new Probe("DELETE", "/api/invitations/{invitation}", null));
		probes.add(new Probe("GET", "/api/contacts/{contact}", null));
		probes.add(new Probe("PATCH", "/api/contacts/{contact}", "{\"name\":\"Changed\"}"));
		probes.add(new Probe("GET", "/api/contacts/{contact}/notes", null));
		probes.add(new Probe("POST", "/api/contacts/{contact}/notes", "{\"content\":\"x\"}"));
		probes.add(new Probe("DELETE", "/api/contacts/{contact}/notes/{note}", null));
		probes.add(new Probe("POST", "/api/workspaces/{workspace}/switch", "{}"));
		probes.add(new Probe("GET", "/api/canned-responses/{canned}", null));
		probes.add(new Probe("PATCH", "/api/canned-responses/{canned}", "{\"title\":\"Stolen\"}"));
		probes.add(new Probe("DELETE", "/api/canned-responses/{canned}", null));
		probes
			.add(new Probe("POST", "/api/canned-responses/{canned}/render", "{\"conversationId\":\"{conversation}\"}"));
		return probes;
	}

	/** A request naming the records of {@link Ids} by placeholder. */
	record Probe(String method, String path, String body) {

		Reply send(Api api, String token, Ids ids) {
			return api.send(this.method, fill(this.path, ids), token, (this.body != null) ? "application/json" : null,
					(this.body != null) ? fill(this.body, ids) : null);
		}

		private static String fill(String text, Ids ids) {
			return text.replace("{conversation}", ids.conversation())
				.replace("{member}", ids.member())
				.replace("{role}", ids.role())
				.replace("{contact}", ids.contact())
				.replace("{note}", ids.note())
				.replace("{invitation}", ids.invitation())
				.replace("{attachment}", ids.attachment())
				.replace("{canned}", ids.cannedResponse())
				.replace("{workspace}",
						ids.workspace().id().equals(ids.workspace().id()) && ids.member().equals(ids.agent().id())
								? ids.workspace().id() : UUID.randomUUID().toString());
		}

	}

	private static JsonNode data(Reply reply) {
		assertThat(reply.status()).as(reply.raw()).isBetween(200, 201);
		return reply.data();
	}

}

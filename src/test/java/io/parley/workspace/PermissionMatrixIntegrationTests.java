package io.parley.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role, built-in and custom, against every route and socket event: what each may
 * do, and the refusal everyone else gets. The staff roles act in a workspace of their
 * own; the candidate, who exists only where sign-up is, in the default one.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests {

	static final String FORBIDDEN = "Forbidden, insufficient permissions";

	@LocalServerPort
	int port;

	Api api;

	Map<Actor, Fixture> fixtures = new EnumMap<>(Actor.class);

	TestWorkspace workspace;

	TestUser supervisor;

	TestUser agent;

	TestUser target;

	String contactId;

	/** A shared canned response of the owner's. */
	String cannedResponse;

	/** Who is tried: the built-in roles and a custom one (an auditor). */
	enum Actor {

		OWNER, ADMIN, SUPERVISOR, AGENT, AUDITOR, CANDIDATE

	}

	/**
	 * What an actor's requests name: a conversation it may see (or not: see the matrix),
	 * one to assign, and a conversation it takes part in.
	 */
	record Fixture(TestUser user, String conversation, String assignable) {
	}

	@BeforeAll
	void prepare() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		String auditor = this.api
			.post("/api/roles", this.workspace.owner().token(),
					Map.of("name", "Auditor", "permissions",
							List.of("workspace.view", "conversations.view_all", "analytics.view")))
			.data()
			.get("id")
			.stringValue();
		this.supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		this.agent = this.workspace.join(this.api, Map.of("role", "agent", "supervisorId", this.supervisor.id()));
		this.target = this.workspace.join(this.api, Map.of("role", "agent", "supervisorId", this.supervisor.id()));
		this.contactId = this.api
			.post("/api/contacts", this.supervisor.token(),
					Map.of("name", "Kim", "email", "kim-" + UUID.randomUUID() + "@example.com"))
			.data()
			.get("id")
			.stringValue();
		String unassigned = openConversation();
		this.cannedResponse = sharedCannedResponse();
		TestUser admin = this.workspace.join(this.api, Map.of("role", "admin"));
		TestUser audit = this.workspace.join(this.api, Map.of("customRoleId", auditor));
		for (Map.Entry<Actor, TestUser> staff : Map
			.of(Actor.OWNER, this.workspace.owner(), Actor.ADMIN, admin, Actor.SUPERVISOR, this.supervisor, Actor.AGENT,
					this.agent, Actor.AUDITOR, audit)
			.entrySet()) {
			this.fixtures.put(staff.getKey(), new Fixture(staff.getValue(), unassigned, openConversation()));
		}
		Team team = this.api.team();
		this.fixtures.put(Actor.CANDIDATE, new Fixture(team.candidate(), this.api.startConversation(team),
				this.api.startConversation(this.api.team())));
	}

	@Test
	void everyRoleMayDoWhatItsPermissionsGrantAndNothingElse() {
		List<String> failures = new ArrayList<>();
		for (Row row : rows()) {
			for (Actor actor : Actor.values()) {
				Fixture fixture = this.fixtures.get(actor);
				Reply reply = row.call().apply(fixture);
				Integer allowed = row.allowed().get(actor);
				boolean ok = (allowed != null) ? reply.status() == allowed
						: reply.status() == 403 && FORBIDDEN.equals(reply.body().path("error").stringValue(""));
				if (!ok) {
					failures.add(row.name() + " as " + actor + ": expected "
							+ ((allowed != null) ? allowed : "403 " + FORBIDDEN) + ", got " + reply.status() + " "
							+ reply.raw());
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyRoleMaySendTheSocketEventsItsPermissionsGrant() {
		String participated = assignedConversation();
		for (Actor actor : Actor.values()) {
			Fixture fixture = this.fixtures.get(actor);
			String own = (actor == Actor.CANDIDATE) ? fixture.conversation() : participated;
			try (Socket socket = Socket.connect(this.port, fixture.user().token())) {
				socket.send("JOIN_CONVERSATION", Map.of("conversationId", own));
				if (actor == Actor.OWNER) {
					// the owner may take part, but this conversation is not theirs
					socket.expectError("Not allowed to access this conversation");
				}
				else {
					expect(socket, actor, "JOINED_CONVERSATION", Actor.AGENT, Actor.CANDIDATE);
				}

				socket.send("SEND_MESSAGE", Map.of("conversationId", own, "content", "hello"));
				if (actor == Actor.OWNER) {
					socket.expectError("You must join the conversation first");
				}
				else if (actor != Actor.AGENT && actor != Actor.CANDIDATE) {
					socket.expectError("Forbidden for this role");
				}

				socket.send("LEAVE_CONVERSATION", Map.of("conversationId", own));
				expect(socket, actor, "LEFT_CONVERSATION", Actor.OWNER, Actor.AGENT, Actor.CANDIDATE);

				socket.send("CLOSE_CONVERSATION", Map.of("conversationId", UUID.randomUUID().toString()));
				if (actor == Actor.OWNER || actor == Actor.AGENT) {
					socket.expectError("Not allowed to access this conversation");
				}
				else {
					socket.expectError("Forbidden for this role");
				}

				socket.send("SUBSCRIBE_INBOX", Map.of());
				expect(socket, actor, "INBOX_SUBSCRIBED", Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT,
						Actor.AUDITOR);
				socket.send("SUBSCRIBE_INBOX", Map.of("activity", true));
				expect(socket, actor, "INBOX_SUBSCRIBED", Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT,
						Actor.AUDITOR);

				// one's own notifications: anyone signed in
				socket.send("SUBSCRIBE_NOTIFICATIONS", Map.of());
				socket.expect("NOTIFICATIONS_SUBSCRIBED");
			}
		}
		try (Socket agent = Socket.connect(this.port, this.agent.token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", participated));
			agent.expect("JOINED_CONVERSATION");
			agent.send("CLOSE_CONVERSATION", Map.of("conversationId", participated));
			agent.expectSilence(Duration.ofMillis(300));
		}
		assertThat(this.api.get("/api/conversations/" + participated, this.agent.token())
			.data()
			.get("status")
			.stringValue()).isEqualTo("closed");
	}

	private static Map<String, Object> mailbox() {
		Map<String, Object> server = Map.of("host", "127.0.0.1", "port", 3143, "secure", false, "user", "support",
				"password", "secret");
		return Map.of("displayName", "Support", "fromAddress", "support-" + UUID.randomUUID() + "@example.com", "imap",
				server, "smtp", server);
	}

	private static void expect(Socket socket, Actor actor, String event, Actor... allowed) {
		if (List.of(allowed).contains(actor)) {
			socket.expect(event);
		}
		else {
			socket.expectError("Forbidden for this role");
		}
	}

	private List<Row> rows() {
		String target = this.target.id();
		return List.of(row("GET /auth/me", (f) -> get("/auth/me", f), all(200)),
				row("GET /api/workspaces", (f) -> get("/api/workspaces", f), all(200)),
				row("GET /api/account/two-factor", (f) -> get("/api/account/two-factor", f), all(200)),
				// any caller may open the socket, so any caller gets a ticket for it
				row("POST /api/socket-tickets", (f) -> post("/api/socket-tickets", f, Map.of()), all(201)),
				// a member's own notifications: anyone has some, or none
				row("GET /api/notifications", (f) -> get("/api/notifications", f), all(200)),
				row("POST /api/notifications/read-all", (f) -> post("/api/notifications/read-all", f, Map.of()),
						all(200)),
				row("POST /api/notifications/{id}/read",
						(f) -> post("/api/notifications/" + UUID.randomUUID() + "/read", f, Map.of()), all(404)),
				row("GET /api/workspace", (f) -> get("/api/workspace", f), staff(200)),
				row("PATCH /api/workspace", (f) -> patch("/api/workspace", f, Map.of("name", this.workspace.name())),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/chat/settings", (f) -> get("/api/chat/settings", f), staff(200)),
				row("PUT /api/chat/settings", (f) -> put("/api/chat/settings", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/chat/settings/identity-secret", (f) -> get("/api/chat/settings/identity-secret", f),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/chat/settings/identity-secret",
						(f) -> post("/api/chat/settings/identity-secret", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/chat/settings/widget-key", (f) -> post("/api/chat/settings/widget-key", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/email-inboxes", (f) -> get("/api/email-inboxes", f),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/email-inboxes", (f) -> post("/api/email-inboxes", f, mailbox()),
						allow(201, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/email-inboxes/{id}/consent",
						(f) -> post("/api/email-inboxes/" + UUID.randomUUID() + "/consent", f, Map.of()),
						allow(404, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/members", (f) -> get("/api/members", f), staff(200)),
				row("GET /api/members/{id}", (f) -> get("/api/members/" + target, f), staff(200)),
				row("PATCH /api/members/{id}", (f) -> patch("/api/members/" + target, f, Map.of("maxConcurrent", 4)),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/members/{id}/deactivate",
						(f) -> post("/api/members/" + target + "/deactivate", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/members/{id}/activate", (f) -> post("/api/members/" + target + "/activate", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/roles", (f) -> get("/api/roles", f), staff(200)),
				row("GET /api/permissions", (f) -> get("/api/permissions", f), staff(200)),
				row("POST /api/roles",
						(f) -> post("/api/roles", f,
								Map.of("name", "Role " + UUID.randomUUID(), "permissions", List.of("workspace.view"))),
						allow(201, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/invitations", (f) -> get("/api/invitations", f), allow(200, Actor.OWNER, Actor.ADMIN)),
				row("POST /api/invitations",
						(f) -> post("/api/invitations", f,
								Map.of("email", "invited-" + UUID.randomUUID() + "@example.com", "role", "agent")),
						allow(201, Actor.OWNER, Actor.ADMIN)),
				row("GET /api/contacts", (f) -> get("/api/contacts", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT)),
				row("POST /api/contacts",
						(f) -> post("/api/contacts", f, Map.of("email", "c-" + UUID.randomUUID() + "@example.com")),
						allow(201, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT)),
				row("GET /admin/analytics", (f) -> get("/admin/analytics", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.AUDITOR)),
				// the auditor sees analytics, not the reports: reports.view is a
				// permission
				// of its own
				row("GET /api/reports/overview", (f) -> get("/api/reports/overview", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("GET /api/reports/agents", (f) -> get("/api/reports/agents?from=2027-01-01&to=2027-01-31", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				// everyone who answers uses canned responses; the shared ones are
				// written by those who manage them, the private ones by anyone
				row("GET /api/canned-responses", (f) -> get("/api/canned-responses", f), answering(200)),
				row("POST /api/canned-responses (private)",
						(f) -> post("/api/canned-responses", f, cannedResponse("private")), answering(201)),
				row("POST /api/canned-responses (shared)",
						(f) -> post("/api/canned-responses", f, cannedResponse("shared")),
						allow(201, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("GET /api/canned-responses/{id}", (f) -> get("/api/canned-responses/" + this.cannedResponse, f),
						answering(200)),
				row("PATCH /api/canned-responses/{id}",
						(f) -> patch("/api/canned-responses/" + this.cannedResponse, f, Map.of("title", "Changed")),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("DELETE /api/canned-responses/{id}",
						(f) -> this.api.send("DELETE", "/api/canned-responses/" + sharedCannedResponse(),
								f.user().token(), null, null),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				// the agent does not see the conversation of the supervisor's
				row("POST /api/canned-responses/{id}/render",
						(f) -> post("/api/canned-responses/" + this.cannedResponse + "/render", f,
								Map.of("conversationId", f.conversation())),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR).and(Actor.AGENT, 404)),
				row("GET /api/conversations", (f) -> get("/api/conversations", f), all(200)),
				row("POST /api/conversations",
						(f) -> post("/api/conversations", f, Map.of("contactId", this.contactId)),
						allow(201, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT)
							// the candidate may start one, but has one active already
							.and(Actor.CANDIDATE, 409)),
				row("GET /api/conversations/{id}", (f) -> get("/api/conversations/" + f.conversation(), f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR, Actor.CANDIDATE)),
				row("GET /conversations/{id}", (f) -> get("/conversations/" + f.conversation(), f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR, Actor.CANDIDATE)),
				row("GET /api/conversations/{id}/messages",
						(f) -> get("/api/conversations/" + f.conversation() + "/messages", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR, Actor.CANDIDATE)),
				row("GET /api/conversations/{id}/history",
						(f) -> get("/api/conversations/" + f.conversation() + "/history", f),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR, Actor.CANDIDATE)),
				// two fresh conversations of the supervisor's with the contact: who
				// changes
				// what they see and may close the one merged (decision 84)
				row("POST /api/conversations/{id}/merge",
						(f) -> post("/api/conversations/" + openConversation() + "/merge", f,
								Map.of("conversationId", openConversation())),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("PUT /api/conversations/{id}/read",
						(f) -> put("/api/conversations/" + f.conversation() + "/read", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR, Actor.CANDIDATE)),
				row("POST /api/conversations/{id}/messages (text)",
						(f) -> post("/api/conversations/" + f.conversation() + "/messages", f, Map.of("content", "hi")),
						allow(201, Actor.CANDIDATE)),
				row("POST /api/conversations/{id}/messages (note)",
						(f) -> post("/api/conversations/" + f.conversation() + "/messages", f,
								Map.of("content", "internal", "type", "note")),
						allow(201, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("POST /api/conversations/{id}/messages (note with a mention)",
						(f) -> post("/api/conversations/" + f.conversation() + "/messages", f,
								Map.of("content", "internal", "type", "note", "mentions",
										List.of(this.supervisor.id()))),
						allow(201, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("POST /api/conversations/{id}/attachments",
						(f) -> Multipart.to(this.port)
							.file("notes.txt", "text/plain", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))
							.post("/api/conversations/" + f.conversation() + "/attachments", f.user().token()),
						allow(201, Actor.CANDIDATE)),
				row("POST /api/conversations/{id}/rating",
						(f) -> post("/api/conversations/" + f.conversation() + "/rating", f, Map.of("score", 5)),
						// the customer may rate, once it is resolved
						allow(409, Actor.CANDIDATE)),
				row("PATCH /api/conversations/{id}",
						(f) -> patch("/api/conversations/" + f.conversation(), f, Map.of("priority", "high")),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("POST /api/conversations/{id}/snooze",
						(f) -> post("/api/conversations/" + f.conversation() + "/snooze", f,
								Map.of("until", Instant.now().plusSeconds(3600).toString())),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)),
				row("POST /api/conversations/{id}/assign",
						(f) -> post("/api/conversations/" + f.assignable() + "/assign", f,
								Map.of("agentId", this.agent.id())),
						allow(200, Actor.OWNER, Actor.SUPERVISOR)),
				row("POST /conversations/{id}/assign",
						(f) -> post("/conversations/" + f.assignable() + "/assign", f,
								Map.of("agentId", this.agent.id())),
						allow(200, Actor.OWNER, Actor.SUPERVISOR)),
				row("POST /conversations",
						(f) -> post("/conversations", f, Map.of("supervisorId", this.supervisor.id())),
						allow(404, Actor.CANDIDATE)),
				row("POST /conversations/{id}/close",
						(f) -> post("/conversations/" + openConversation() + "/close", f, Map.of()),
						allow(200, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR)));
	}

	/** A conversation of the supervisor's with the workspace's contact, not assigned. */
	private String openConversation() {
		Reply created = this.api.post("/api/conversations", this.supervisor.token(),
				Map.of("contactId", this.contactId));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.data().get("id").stringValue();
	}

	private String sharedCannedResponse() {
		Reply created = this.api.post("/api/canned-responses", this.workspace.owner().token(),
				cannedResponse("shared"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.data().get("id").stringValue();
	}

	private static Map<String, String> cannedResponse(String visibility) {
		return Map.of("shortcut", "s-" + UUID.randomUUID().toString().substring(0, 8), "title", "Hello", "body",
				"Hi {{contact.name}}", "visibility", visibility);
	}

	private String assignedConversation() {
		String id = openConversation();
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", this.supervisor.token(),
				Map.of("agentId", this.agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		return id;
	}

	private Reply get(String path, Fixture fixture) {
		return this.api.get(path, fixture.user().token());
	}

	private Reply post(String path, Fixture fixture, Map<String, ?> body) {
		return this.api.post(path, fixture.user().token(), body);
	}

	private Reply patch(String path, Fixture fixture, Map<String, ?> body) {
		return this.api.send("PATCH", path, fixture.user().token(), "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private Reply put(String path, Fixture fixture, Map<String, ?> body) {
		return this.api.send("PUT", path, fixture.user().token(), "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private static Row row(String name, Function<Fixture, Reply> call, Allowed allowed) {
		return new Row(name, call, allowed.statuses());
	}

	private static Allowed all(int status) {
		return allow(status, Actor.values());
	}

	private static Allowed staff(int status) {
		return allow(status, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT, Actor.AUDITOR);
	}

	private static Allowed answering(int status) {
		return allow(status, Actor.OWNER, Actor.ADMIN, Actor.SUPERVISOR, Actor.AGENT);
	}

	private static Allowed allow(int status, Actor... actors) {
		Map<Actor, Integer> statuses = new EnumMap<>(Actor.class);
		for (Actor actor : actors) {
			statuses.put(actor, status);
		}
		return new Allowed(statuses);
	}

	/** The roles allowed, with the status each gets; every other role gets 403. */
	record Allowed(Map<Actor, Integer> statuses) {

		Allowed and(Actor actor, int status) {
			this.statuses.put(actor, status);
			return this;
		}

	}

	record Row(String name, Function<Fixture, Reply> call, Map<Actor, Integer> allowed) {
	}

}

package io.parley.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import io.parley.widget.VisitorTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds what a report counts at chosen instants, through the routes people use: the
 * clock is stopped and moved to each instant ({@link #at}) before the action. Instants
 * are offsets from {@code zero}. Staff and visitors are logged in afresh for each action,
 * as their tokens expire while the fixture's days pass.
 */
final class ReportFixture {

	static final String PASSWORD = TestWorkspace.PASSWORD;

	private final Api api;

	private final TestClock clock;

	private final Visitors visitors;

	private final VisitorTokens visitorTokens;

	private final Instant zero;

	private TestWorkspace workspace;

	ReportFixture(Api api, TestClock clock, ApplicationContext context, Instant zero) {
		this.api = api;
		this.clock = clock;
		this.visitors = new Visitors(context);
		this.visitorTokens = context.getBean(VisitorTokens.class);
		this.zero = zero;
	}

	/** Moves the stopped clock to {@code zero + offset}. */
	ReportFixture at(Duration offset) {
		this.clock.advanceTo(this.zero.plus(offset));
		return this;
	}

	TestWorkspace workspace(String timeZone) {
		this.workspace = TestWorkspace.create(this.api);
		Reply zoned = patch("/api/workspace", owner(), Map.of("timeZone", timeZone));
		assertThat(zoned.status()).as(zoned.raw()).isEqualTo(200);
		return this.workspace;
	}

	/** A custom role; returns its id. */
	String role(String name, List<String> permissions) {
		Reply role = this.api.post("/api/roles", owner(), Map.of("name", name, "permissions", permissions));
		assertThat(role.status()).as(role.raw()).isEqualTo(201);
		return role.data().get("id").stringValue();
	}

	/** A member named {@code name} who accepted the owner's invitation. */
	TestUser member(String name, Map<String, ?> invitation) {
		String email = "member-" + UUID.randomUUID() + "@example.com";
		String secret = this.workspace.invite(this.api, email, invitation);
		Reply accepted = TestWorkspace.accept(this.api, secret, Map.of("name", name, "password", PASSWORD));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		String token = accepted.data().get("token").stringValue();
		return new TestUser(this.api.get("/auth/me", token).data().get("_id").stringValue(), email,
				accepted.data().get("role").stringValue(), token);
	}

	/** A fresh token of the member, valid at the clock's instant. */
	String token(TestUser member) {
		Reply login = this.api.post("/auth/login", null,
				Map.of("email", member.email(), "password", PASSWORD, "workspaceId", this.workspace.id()));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return login.data().get("token").stringValue();
	}

	/**
	 * A widget visitor starts a conversation with their first message; returns its id.
	 */
	Started start(String name) {
		TestVisitor visitor = this.visitors.visitor(this.workspace.id(), name);
		Reply started = this.api.post("/api/widget/conversations", visitorToken(visitor),
				Map.of("content", "Hello, " + name + " here"));
		assertThat(started.status()).as(started.raw()).isEqualTo(201);
		return new Started(started.data().get("conversation").get("id").stringValue(), visitor);
	}

	void visitorWrites(Started conversation, String content) {
		Reply written = this.api.post("/api/widget/conversations/" + conversation.id() + "/messages",
				visitorToken(conversation.visitor()), Map.of("content", content));
		assertThat(written.status()).as(written.raw()).isEqualTo(201);
	}

	void rate(Started conversation, int score) {
		Reply rated = this.api.post("/api/widget/conversations/" + conversation.id() + "/rating",
				visitorToken(conversation.visitor()), Map.of("score", score));
		assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
	}

	void assign(Started conversation, TestUser agent) {
		Reply assigned = this.api.post("/api/conversations/" + conversation.id() + "/assign", owner(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
	}

	/** The member replies to the customer ({@code note}: writes an internal note). */
	void write(Started conversation, TestUser member, String content, boolean note) {
		Map<String, Object> body = new HashMap<>(Map.of("content", content));
		if (note) {
			body.put("type", "note");
		}
		Reply written = this.api.post("/api/conversations/" + conversation.id() + "/messages", token(member), body);
		assertThat(written.status()).as(written.raw()).isEqualTo(201);
	}

	void status(Started conversation, TestUser member, String status) {
		Reply changed = patch("/api/conversations/" + conversation.id(),
				member.equals(this.workspace.owner()) ? owner() : token(member), Map.of("status", status));
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
	}

	JsonNode get(String path, TestUser member) {
		Reply reply = this.api.get(path, member.equals(this.workspace.owner()) ? owner() : token(member));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	Reply patch(String path, String token, Map<String, ?> body) {
		return this.api.send("PATCH", path, token, "application/json", Api.JSON.writeValueAsString(body));
	}

	/** The owner's token, valid now. */
	String owner() {
		return token(this.workspace.owner());
	}

	private String visitorToken(TestVisitor visitor) {
		return this.visitorTokens.issue(visitor.visitor()).token();
	}

	record Started(String id, TestVisitor visitor) {
	}

}

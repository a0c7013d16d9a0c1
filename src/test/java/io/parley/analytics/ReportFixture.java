package io.parley.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
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

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds what a report counts at chosen instants, through the routes people use: the
 * clock is stopped and moved to each instant ({@link #at}) before the action. Instants
 * are offsets from {@code zero}. Staff and visitors are logged in afresh for each action,
 * as their tokens expire while the fixture's days pass.
 */
public final class ReportFixture {

	public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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

	/**
	 * Stops the clock and builds the reports' fixture, whose numbers are worked out by
	 * hand in {@code ReportsIntegrationTests}; the clock stays stopped at T+47h (02:00 of
	 * D+2 in Berlin) until the caller resets it. The workspace is in Europe/Berlin, and
	 * the fixture spans the night its clocks spring forward: T, the transition, is 01:00
	 * UTC of day D, when 02:00 CET becomes 03:00 CEST. So in Berlin day D-1 (CET, UTC+1)
	 * runs from T-26h to T-2h, day D (23 hours long) from T-2h to T+21h, day D+1 (CEST,
	 * UTC+2) from T+21h to T+45h; UTC days begin an hour or two earlier.
	 * <p>
	 * Conversations, by the instants their clocks start and stop (Berlin time in
	 * brackets):
	 * <ul>
	 * <li>C6 (Bob): created T-28h (D-2 22:00, before the range); first response T-18h
	 * (D-1 08:00): 600 min; resolved T-17h (D-1 09:00): 660 min; rated 3 at T-16h50m
	 * (D-1).</li>
	 * <li>C1 (Ann): created T-16h (D-1 10:00); first response T-15h50m: 10 min; resolved
	 * T-14h (D-1 12:00): 120 min; rated 5 at T-13h30m (D-1).</li>
	 * <li>C2 (Bob): created T-1h30m (D 00:30 CET, still D-1 in UTC); first response T-10m
	 * (D 01:50 CET): 80 min; resolved T+20m (D 03:20 CEST), reopened by the customer at
	 * T+1h, resolved again at T+3h (D 06:00): counted once, at the last resolution, 4h30m
	 * = 270 min (the local wall clock would say 5h30m); rated 2 at T+3h10m (D).</li>
	 * <li>C3 (given to Bob, then to Ann before anyone answered): created T+6h (D 09:00);
	 * a note by Ann at T+6h5m is no response; first response T+6h30m: 30 min; resolved
	 * T+9h (D 12:00): 180 min; closed T+30h, which keeps the resolution; rated 4 at
	 * T+30h30m (D+1 09:30).</li>
	 * <li>C4 (Ann): created T+21h30m (D+1 00:30 CEST, still D in UTC); first response
	 * T+21h50m: 20 min; not resolved.</li>
	 * <li>C5 (nobody's): created T+31h (D+1 10:00); never answered; closed by the owner
	 * at T+32h: 60 min.</li>
	 * <li>C7: created T+46h (D+2 01:00), after the range.</li>
	 * </ul>
	 * Sue supervises Ann; Bob has a custom role that handles conversations.
	 */
	public static Built build(Api api, TestClock clock, ApplicationContext context) {
		Instant t = nextSpringForward(clock.instant());
		LocalDate d = LocalDate.ofInstant(t, BERLIN);
		clock.stopAt(t.minus(ofHours(30)));
		ReportFixture f = new ReportFixture(api, clock, context, t);
		TestWorkspace workspace = f.workspace("Europe/Berlin");
		TestUser owner = workspace.owner();
		String helper = f.role("Helper", List.of("conversations.handle", "conversations.take_part",
				"conversations.update", "conversations.close_assigned", "workspace.view"));
		TestUser supervisor = f.member("Sue Supervisor", Map.of("role", "supervisor"));
		TestUser ann = f.member("Ann Agent", Map.of("role", "agent", "supervisorId", supervisor.id()));
		// a custom role's agent counts as much as a built-in one
		TestUser bob = f.member("Bob Helper", Map.of("customRoleId", helper));

		Started c6 = f.at(ofHours(-28)).start("C6");
		f.at(ofHours(-28).plusMinutes(1)).assign(c6, bob);
		f.at(ofHours(-18)).write(c6, bob, "Good morning", false);
		f.at(ofHours(-17)).status(c6, bob, "resolved");
		f.at(ofHours(-17).plusMinutes(10)).rate(c6, 3);

		Started c1 = f.at(ofHours(-16)).start("C1");
		f.at(ofHours(-16).plusMinutes(1)).assign(c1, ann);
		f.at(ofHours(-16).plusMinutes(10)).write(c1, ann, "Hi", false);
		f.at(ofHours(-14)).status(c1, ann, "resolved");
		f.at(ofHours(-14).plusMinutes(30)).rate(c1, 5);

		Started c2 = f.at(ofMinutes(-90)).start("C2");
		f.at(ofMinutes(-89)).assign(c2, bob);
		f.at(ofMinutes(-10)).write(c2, bob, "Late night, hello", false);
		f.at(ofMinutes(20)).status(c2, bob, "resolved");
		f.at(ofHours(1)).visitorWrites(c2, "It is broken again");
		f.at(ofHours(2)).write(c2, bob, "Looking", false);
		f.at(ofHours(3)).status(c2, bob, "resolved");
		f.at(ofHours(3).plusMinutes(10)).rate(c2, 2);

		Started c3 = f.at(ofHours(6)).start("C3");
		f.at(ofHours(6).plusMinutes(1)).assign(c3, bob);
		f.at(ofHours(6).plusMinutes(2)).assign(c3, ann);
		f.at(ofHours(6).plusMinutes(5)).write(c3, ann, "Mine now", true);
		f.at(ofHours(6).plusMinutes(30)).write(c3, ann, "Hello", false);
		f.at(ofHours(9)).status(c3, ann, "resolved");

		Started c4 = f.at(ofHours(21).plusMinutes(30)).start("C4");
		f.at(ofHours(21).plusMinutes(31)).assign(c4, ann);
		f.at(ofHours(21).plusMinutes(50)).write(c4, ann, "Up late?", false);

		f.at(ofHours(30)).status(c3, ann, "closed");
		f.at(ofHours(30).plusMinutes(30)).rate(c3, 4);

		Started c5 = f.at(ofHours(31)).start("C5");
		f.at(ofHours(32)).status(c5, owner, "closed");

		f.at(ofHours(46)).start("C7");
		f.at(ofHours(47));
		return new Built(f, d, owner, supervisor, ann, bob);
	}

	/**
	 * The instant Berlin next springs forward, at least two days ahead so the fixture's
	 * first day is still to come: 01:00 UTC of the last Sunday of March.
	 */
	private static Instant nextSpringForward(Instant now) {
		Instant after = now.plus(Duration.ofDays(2));
		ZoneOffsetTransition transition = BERLIN.getRules().nextTransition(after);
		while (!transition.isGap()) {
			transition = BERLIN.getRules().nextTransition(transition.getInstant());
		}
		return transition.getInstant();
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

	/**
	 * The fixture built: day D, whose night the clocks spring forward, and its members.
	 */
	public record Built(ReportFixture fixture, LocalDate d, TestUser owner, TestUser supervisor, TestUser ann,
			TestUser bob) {
	}

}

package io.parley.dashboard;

import java.time.Duration;
import java.util.Map;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snoozing (decision 83), over the REST API and the dashboard: a snoozed conversation
 * leaves the working views, shows in "Snoozed", and comes back when its time comes or
 * when the customer writes; bad times and other workspaces change nothing.
 */
@ParleyIntegrationTest
// the clock is moved ahead and back here: what the application keeps in memory from then
// is not carried into the classes that follow (see ReportsIntegrationTests)
@DirtiesContext
class SnoozeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	Api api;

	Visitors visitors;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.clock.reset();
	}

	@AfterEach
	void restart() {
		this.clock.reset();
	}

	@Test
	void aSnoozedConversationLeavesTheViewsAndComesBackWhenItsTimeComes() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String id = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Ada"), "Call me tomorrow");
		this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(), Map.of("agentId", agent.id()));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);
		browser.get("/app/conversations/" + id);

		Page snoozed = browser.htmxPost("/app/conversations/" + id + "/snooze", "preset=1h");

		assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
		assertThat(snoozed.body()).contains("Snoozed until").contains("id=\"wake\"");
		assertThat(browser.get("/app/inbox").body()).doesNotContain("data-id=\"" + id);
		assertThat(browser.get("/app/inbox?view=snoozed").body()).contains("data-id=\"" + id);
		assertThat(this.api.get("/api/conversations?assignee=me&snoozed=true", agent.token())
			.data()
			.get("items")
			.get(0)
			.get("id")
			.stringValue()).isEqualTo(id);

		this.clock.advance(Duration.ofMinutes(61));
		Eventually.until("the conversation back in the inbox",
				() -> browser.get("/app/inbox").body().contains("data-id=\"" + id));
		assertThat(browser.get("/app/inbox?view=snoozed").body()).doesNotContain("data-id=\"" + id);
		assertThat(browser.get("/app/conversations/" + id).body()).doesNotContain("Snoozed until");
	}

	@Test
	void theCustomerWritingWakesItAtOnce() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestVisitor visitor = this.visitors.visitor(workspace.id(), "Grace");
		String id = this.visitors.conversation(visitor, "Hello");
		Reply snoozed = this.api.post("/api/conversations/" + id + "/snooze", workspace.owner().token(),
				Map.of("until", this.clock.instant().plus(Duration.ofDays(2)).toString()));
		assertThat(snoozed.status()).as(snoozed.raw()).isEqualTo(200);
		assertThat(awake(workspace, id)).isFalse();

		this.clock.advance(Duration.ofSeconds(5));
		Reply wrote = this.api.post("/api/widget/conversations/" + id + "/messages", visitor.token(),
				Map.of("content", "Are you there?"));

		assertThat(wrote.status()).as(wrote.raw()).isIn(200, 201);
		assertThat(awake(workspace, id)).isTrue();
	}

	@Test
	void aTimeInThePastOrAnotherWorkspacesConversationChangesNothing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String id = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Alan"), "Hi");
		TestWorkspace other = TestWorkspace.create(this.api);

		Reply past = this.api.post("/api/conversations/" + id + "/snooze", workspace.owner().token(),
				Map.of("until", this.clock.instant().minusSeconds(60).toString()));
		Reply garbled = this.api.post("/api/conversations/" + id + "/snooze", workspace.owner().token(),
				Map.of("until", "tomorrow-ish"));
		Reply foreign = this.api.post("/api/conversations/" + id + "/snooze", other.owner().token(),
				Map.of("until", this.clock.instant().plusSeconds(3600).toString()));

		assertThat(past.status()).isEqualTo(400);
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(awake(workspace, id)).isTrue();
	}

	private boolean awake(TestWorkspace workspace, String id) {
		return this.api.get("/api/conversations?assignee=anyone&snoozed=false", workspace.owner().token())
			.data()
			.get("items")
			.toString()
			.contains(id);
	}

}

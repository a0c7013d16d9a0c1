package io.parley.dashboard;

import java.time.Duration;
import java.util.Map;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's and the conversation page's actions over HTTP, as the pages send them: what
 * each role is offered and may do, bulk actions that change what they may and count what
 * they may not, and another workspace's conversations out of reach.
 */
@ParleyIntegrationTest
// the clock is moved ahead and back here: what the application keeps in memory from then
// is not carried into the classes that follow (see ReportsIntegrationTests)
@DirtiesContext
class DashboardInboxIntegrationTests {

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

	@Test
	void aSupervisorAssignsAndTagsASelectionAndAConversationOfAnotherWorkspaceIsRefused() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String first = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Ada"), "One");
		String second = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Grace"), "Two");
		String elsewhere = this.visitors
			.conversation(this.visitors.visitor(TestWorkspace.create(this.api).id(), "Someone else"), "Three");
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		Page inbox = owner.get("/app/inbox?view=all");

		Page applied = owner.htmxPost("/app/inbox/bulk?view=all",
				"ids=" + first + "&ids=" + second + "&ids=" + elsewhere + "&bulkAgent=" + agent.id() + "&bulkTag=vip");

		assertThat(inbox.body()).contains("id=\"bulk-agent\"").contains(agent.id());
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.body()).contains("2 changed, 1 refused.");
		for (String id : new String[] { first, second }) {
			JsonNode details = this.api.get("/api/conversations/" + id, workspace.owner().token()).data();
			assertThat(details.get("agentId").stringValue()).isEqualTo(agent.id());
			assertThat(details.get("tags").toString()).contains("vip");
		}
	}

	@Test
	void anAgentIsNotOfferedAssignmentAndABulkAssignOfTheirsIsRefused() {
		Team team = this.api.team();
		String id = this.api.assignedConversation(team);
		DashboardClient agent = DashboardClient.signedIn(this.port, team.agent().email(), "secret123");
		Page inbox = agent.get("/app/inbox");
		Page conversation = agent.get("/app/conversations/" + id);

		Page applied = agent.htmxPost("/app/inbox/bulk", "ids=" + id + "&bulkAgent=" + team.agent().id());

		assertThat(inbox.body()).doesNotContain("id=\"bulk-agent\"");
		assertThat(conversation.status()).isEqualTo(200);
		assertThat(conversation.body()).doesNotContain("id=\"assignee\"");
		assertThat(applied.body()).contains("0 changed, 1 refused.");
	}

	@Test
	void anotherWorkspacesConversationIsNotFoundAndAnActionWithoutTheTokenChangesNothing() {
		Team team = this.api.team();
		String id = this.api.assignedConversation(team);
		TestWorkspace other = TestWorkspace.create(this.api);
		DashboardClient stranger = DashboardClient.signedIn(this.port, other.owner().email(), TestWorkspace.PASSWORD);
		DashboardClient agent = DashboardClient.signedIn(this.port, team.agent().email(), "secret123");
		agent.get("/app/conversations/" + id);

		Page foreign = stranger.get("/app/conversations/" + id);
		Page forged = agent.postWithoutToken("/app/conversations/" + id + "/status", Map.of("status", "resolved"));
		Page resolved = agent.post("/app/conversations/" + id + "/status", Map.of("status", "resolved"));

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).contains("This conversation does not exist or is not yours to see.");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(resolved.status()).isEqualTo(302);
		assertThat(this.api.get("/api/conversations/" + id, team.agent().token()).data().get("status").stringValue())
			.isEqualTo("resolved");
	}

	@Test
	void aMemberSavesTheirFiltersAsAViewThatNobodyElseSees() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		DashboardClient other = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);
		owner.get("/app/inbox");
		other.get("/app/inbox");

		Page saved = owner.post("/app/views",
				Map.of("name", "Urgent <b>mail</b>", "view", "all", "priority", "urgent", "channel", "email"));
		Page inbox = owner.get("/app/inbox");
		Page blank = owner.post("/app/views", Map.of("name", "  ", "view", "all"));
		String id = inbox.body().replaceAll("(?s).*action=\"/app/views/([0-9a-f-]{36})/delete\".*", "$1");
		Page stolen = other.post("/app/views/" + id + "/delete", Map.of());

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/app/inbox?view=all&priority=urgent&channel=email");
		assertThat(inbox.body()).contains("href=\"/app/inbox?view=all&amp;priority=urgent&amp;channel=email\"")
			.contains("Urgent &lt;b&gt;mail&lt;/b&gt;");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(other.get("/app/inbox").body()).doesNotContain("Urgent &lt;b&gt;mail");
		assertThat(stolen.status()).isEqualTo(404);
		assertThat(owner.post("/app/views/" + id + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(owner.get("/app/inbox").body()).doesNotContain("Urgent &lt;b&gt;mail");
	}

	@Test
	void theInboxSortsByLatestActivityOrWaitingLongestThroughThePageAndTheApi() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String first = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Ada"), "One");
		String second = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Grace"), "Two");
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);

		String latest = owner.get("/app/inbox?view=all").body();
		String waiting = owner.get("/app/inbox?view=all&sort=waiting").body();
		JsonNode api = this.api.get("/api/conversations?assignee=anyone&sort=waiting", workspace.owner().token())
			.data()
			.get("items");

		assertThat(latest.indexOf("data-id=\"" + second)).isLessThan(latest.indexOf("data-id=\"" + first));
		assertThat(waiting.indexOf("data-id=\"" + first)).isLessThan(waiting.indexOf("data-id=\"" + second));
		assertThat(api.get(0).get("id").stringValue()).isEqualTo(first);
		assertThat(this.api.get("/api/conversations?sort=oldest", workspace.owner().token()).status()).isEqualTo(400);
	}

	@Test
	void anAgentSetsTheirAvailabilityFromTheHeader() {
		Team team = this.api.team();
		DashboardClient agent = DashboardClient.signedIn(this.port, team.agent().email(), "secret123");
		agent.get("/app/inbox");

		Page changed = agent.post("/app/availability", Map.of("availability", "away"));
		Page bad = agent.post("/app/availability", Map.of("availability", "asleep"));

		assertThat(changed.status()).isEqualTo(303);
		assertThat(agent.get("/app/inbox").body()).contains("<option value=\"away\" selected=\"selected\"");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(this.api.get("/api/members/" + team.agent().id(), team.supervisor().token())
			.data()
			.get("availability")
			.stringValue()).isEqualTo("away");
	}

}

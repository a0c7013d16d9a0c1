package io.parley.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.widget.WidgetPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way through, in two headless Chromiums: a visitor writes in the real widget
 * on a customer's page, the conversation appears live in the inbox of the dashboard's
 * other browser, and the agent's answer there reaches the widget.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetToDashboardBrowserTests {

	@LocalServerPort
	int port;

	Api api;

	HostPage host;

	Browser visitorBrowser;

	Browser agentBrowser;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
		this.visitorBrowser = Browser.start(this.port);
		this.agentBrowser = Browser.start(this.port);
		this.agentBrowser.resize(1280, 800);
	}

	@AfterAll
	void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.visitorBrowser, this.agentBrowser, this.host }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// closing the others matters more
			}
		}
	}

	@Test
	void aWidgetVisitorsConversationAppearsLiveInTheInboxAndTheAnswerReachesTheWidget() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String key = allowWidgetOn(this.api, workspace, this.host.origin());
		this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"online\"}");
		DashboardPage dashboard = new DashboardPage(this.agentBrowser);
		dashboard.signIn(workspace.owner().email(), TestWorkspace.PASSWORD);
		this.agentBrowser.follow("/app/inbox?view=all");
		dashboard.awaitConnected();
		assertThat(dashboard.inboxIds()).isEmpty();

		this.visitorBrowser.visit(this.host.embed("/shop.html", this.port, key, ""));
		WidgetPage widget = new WidgetPage(this.visitorBrowser);
		widget.open();
		widget.awaitReady();
		widget.send("Do you ship to Norway?");

		this.agentBrowser.await((driver) -> dashboard.inboxIds().size() == 1);
		String id = dashboard.inboxIds().get(0);
		this.agentBrowser.follow("/app/conversations/" + id);
		dashboard.awaitConnected();
		this.agentBrowser.await((driver) -> dashboard.messages().contains("Do you ship to Norway?"));
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);

		dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.agentBrowser.follow("/app/conversations/" + id);
		dashboard.awaitConnected();
		dashboard.reply("Yes, in three days.");

		widget.awaitInFrame(() -> widget.confirmedMessages().contains("Yes, in three days."), "the agent's answer");
		assertThat(widget.confirmedMessages())
			.containsSubsequence(List.of("Do you ship to Norway?", "Yes, in three days."));
		this.agentBrowser.screenshot("dashboard-widget-conversation");
	}

	/** The widget allowed on the host page's origin; returns its public key. */
	static String allowWidgetOn(Api api, TestWorkspace workspace, String origin) {
		String token = workspace.owner().token();
		Map<String, Object> body = new HashMap<>();
		api.get("/api/chat/settings", token)
			.data()
			.properties()
			.forEach((field) -> body.put(field.getKey(), field.getValue()));
		body.remove("domain");
		body.remove("widgetKey");
		body.remove("warnings");
		body.put("allowedDomains", List.of(origin));
		Reply replaced = api.send("PUT", "/api/chat/settings", token, "application/json",
				Api.JSON.writeValueAsString(body));
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
		return replaced.data().get("widgetKey").stringValue();
	}

}

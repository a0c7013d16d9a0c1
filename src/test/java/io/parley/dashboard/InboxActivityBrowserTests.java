package io.parley.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Browser;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import io.parley.widget.WidgetPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.TimeoutException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox moves on new messages (decision 106), in two headless Chromiums: a widget
 * visitor's second message brings their conversation back to the top of the agent's inbox
 * and grows its unread count, without the page being loaded again.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxActivityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

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

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aVisitorsSecondMessageMovesTheirConversationToTheTopAndGrowsItsUnreadCount() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String key = WidgetToDashboardBrowserTests.allowWidgetOn(this.api, workspace, this.host.origin());
		Api.TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		// with an agent online the widget offers the chat, not the offline form
		this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"online\"}");
		DashboardPage dashboard = new DashboardPage(this.agentBrowser);
		dashboard.signIn(workspace.owner().email(), TestWorkspace.PASSWORD);
		this.agentBrowser.follow("/app/inbox?view=all");
		dashboard.awaitConnected();

		this.visitorBrowser.visit(this.host.embed("/shop.html", this.port, key, ""));
		WidgetPage widget = new WidgetPage(this.visitorBrowser);
		widget.open();
		widget.awaitReady();
		widget.send("Do you ship to Norway?");
		this.agentBrowser.await((driver) -> dashboard.inboxIds().size() == 1);
		String first = dashboard.inboxIds().get(0);
		widget.awaitInFrame(() -> widget.confirmedMessages().contains("Do you ship to Norway?"), "the first message");
		this.agentBrowser.await((driver) -> "1".equals(unread(first)));

		Visitors visitors = new Visitors(this.context);
		TestVisitor other = visitors.visitor(workspace.id(), "Olga");
		String second = visitors.conversation(other, "Where is my parcel?");
		this.agentBrowser.await((driver) -> dashboard.inboxIds().equals(List.of(second, first)));
		this.agentBrowser.script("window.parleyNotReloaded = true;");
		// a conversation's activity time moves at most once a second (Conversation's
		// ACTIVITY_RESOLUTION): the visitor writes again a little later, as people do,
		// not within the second of Olga's conversation
		this.clock.advance(Duration.ofSeconds(2));

		widget.send("And to Iceland?");
		widget.awaitInFrame(() -> widget.confirmedMessages().contains("And to Iceland?"), "the second message stored");

		try {
			this.agentBrowser.await((driver) -> dashboard.inboxIds().equals(List.of(first, second)));
		}
		catch (TimeoutException ex) {
			// what the page and the API show, for a failure seen only in whole runs
			this.agentBrowser.screenshot("dashboard-inbox-activity-failed");
			throw new AssertionError("The inbox did not move " + first + " up: the page lists " + dashboard.inboxIds()
					+ ", the connection is "
					+ this.agentBrowser.script("return document.getElementById('connection')"
							+ " && document.getElementById('connection').dataset.state")
					+ ", the API answers "
					+ this.api.get("/api/conversations?assignee=anyone", workspace.owner().token()).data().get("items"),
					ex);
		}
		this.agentBrowser.await((driver) -> "2".equals(unread(first)));
		assertThat(this.agentBrowser.script("return window.parleyNotReloaded === true;")).as("the same page")
			.isEqualTo(true);
		assertThat(unread(second)).isEqualTo("1");
		this.agentBrowser.screenshot("dashboard-inbox-activity");
	}

	/** The unread count the row shows, or {@code ""} for none. */
	private String unread(String conversationId) {
		return (String) this.agentBrowser
			.script("var row = document.querySelector('#list .row[data-id=\"' + arguments[0]"
					+ " + '\"] .unread-count'); return row ? row.textContent.trim() : '';", conversationId);
	}

}

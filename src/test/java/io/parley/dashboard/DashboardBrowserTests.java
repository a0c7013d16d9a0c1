package io.parley.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a headless Chromium: an agent signs in, a visitor's conversation
 * arrives in the inbox live, the agent opens it with the keyboard and answers, and a cut
 * socket resumes with nothing missing. Screenshots go to {@code target/screenshots}.
 */
@ParleyIntegrationTest
// the clock is moved ahead and back here: what the application keeps in memory from then
// is not carried into the classes that follow (see ReportsIntegrationTests)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	Api api;

	Visitors visitors;

	Browser browser;

	DashboardPage dashboard;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.browser = Browser.start(this.port);
		this.browser.beforeEveryDocument(DashboardPage.SOCKET_RECORDER);
		this.browser.resize(1280, 800);
		this.dashboard = new DashboardPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aVisitorsConversationArrivesLiveAndTheAgentAnswersItFromTheKeyboard() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();
		assertThat(this.dashboard.inboxIds()).isEmpty();

		TestVisitor visitor = this.visitors.visitor(workspace.id(), "Ada Lovelace");
		String id = this.visitors.conversation(visitor, "Where is my order?");
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);

		this.browser.await((driver) -> this.dashboard.inboxIds().contains(id));
		this.browser.screenshot("dashboard-inbox");
		this.dashboard.press("j");
		// the live inbox may redraw the row between the look-up and the key
		this.browser.await((driver) -> {
			driver.findElement(By.cssSelector("#list .row a.open")).sendKeys(Keys.ENTER);
			return true;
		});
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/conversations/" + id));
		this.dashboard.awaitConnected();
		this.browser.await((driver) -> this.dashboard.messages().contains("Where is my order?"));

		visitorSays(visitor, id, "It was due yesterday.");
		this.browser.await((driver) -> this.dashboard.messages().contains("It was due yesterday."));
		this.dashboard.reply("It ships today. <b>Sorry</b> for the wait!");

		Eventually.until("the reply in the visitor's transcript", () -> visitorTranscript(visitor, id),
				(texts) -> texts.contains("It ships today. <b>Sorry</b> for the wait!"));
		this.browser.await((driver) -> this.dashboard.messages()
			.equals(List.of("Where is my order?", "It was due yesterday.",
					"It ships today. <b>Sorry</b> for the wait!")));
		assertThat(this.browser.driver().findElements(By.cssSelector("#messages b"))).as("text, never HTML").isEmpty();
		assertThat(this.browser.driver().findElements(By.cssSelector(".seen-mark"))).isEmpty();

		long replied = visitorTranscriptSequence(visitor, id);
		Reply read = this.api.post("/api/widget/conversations/" + id + "/read", visitor.token(),
				Map.of("sequence", replied));
		assertThat(read.status()).as(read.raw()).isEqualTo(200);
		this.browser
			.await((driver) -> driver.findElements(By.cssSelector("#messages .message.member .seen-mark")).size() == 1);
		Eventually.until("the agent's read mark",
				() -> this.api.get("/api/conversations?assignee=me", agent.token())
					.data()
					.get("items")
					.get(0)
					.get("unread")
					.asLong() == 0);
		this.browser.screenshot("dashboard-conversation");
	}

	@Test
	void aCutSocketResumesAndNoMessageThatArrivedMeanwhileIsMissing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		TestVisitor visitor = this.visitors.visitor(workspace.id(), "Grace Hopper");
		String id = this.visitors.conversation(visitor, "Hello?");
		this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(), Map.of("agentId", agent.id()));
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/conversations/" + id);
		this.dashboard.awaitConnected();
		this.browser.await((driver) -> this.dashboard.messages().contains("Hello?"));

		this.browser.offline(true);
		this.dashboard.cutSockets();
		this.browser.await((driver) -> !"connected".equals(this.dashboard.connection().getAttribute("data-state")));
		this.browser.screenshot("dashboard-offline");
		for (int i = 1; i <= 5; i++) {
			visitorSays(visitor, id, "While you were away " + i);
		}
		this.browser.offline(false);
		this.dashboard.awaitConnected();

		this.browser.await((driver) -> this.dashboard.messages().size() == 6);
		assertThat(this.dashboard.messages()).containsExactly("Hello?", "While you were away 1",
				"While you were away 2", "While you were away 3", "While you were away 4", "While you were away 5");
	}

	@Test
	void theAgentAnswersWithACannedResponseFilledInForTheContact() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		Reply canned = this.api.post("/api/canned-responses", workspace.owner().token(),
				Map.of("shortcut", "shipping", "title", "Shipping times", "body",
						"Hi {{contact.name}}, your order ships today. {{agent.name}}", "visibility", "shared"));
		assertThat(canned.status()).as(canned.raw()).isEqualTo(201);
		TestVisitor visitor = this.visitors.visitor(workspace.id(), "Ada Lovelace");
		String id = this.visitors.conversation(visitor, "When does it ship?");
		this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(), Map.of("agentId", agent.id()));
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/conversations/" + id);
		this.dashboard.awaitConnected();

		this.browser.find(By.id("content")).sendKeys("/ship");
		this.browser.await((driver) -> !driver.findElements(By.cssSelector("#canned-menu [role=option]")).isEmpty());
		this.browser.screenshot("dashboard-canned-menu");
		assertThat(this.browser.find(By.cssSelector("#canned-menu [aria-selected=true]")).getText())
			.contains("/shipping")
			.contains("Shipping times");
		this.browser.find(By.id("content")).sendKeys(Keys.ENTER);
		this.browser.await((driver) -> this.browser.find(By.id("content"))
			.getDomProperty("value")
			.equals("Hi Ada Lovelace, your order ships today. Member"));
		this.browser.find(By.id("content")).sendKeys(Keys.ENTER);

		Eventually.until("the filled-in response in the visitor's transcript", () -> visitorTranscript(visitor, id),
				(texts) -> texts.contains("Hi Ada Lovelace, your order ships today. Member"));
	}

	@Test
	void theInboxIsWorkedFromTheKeyboard() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String older = assignedVisitorConversation(workspace, agent, "Alan Turing", "First question");
		String newer = assignedVisitorConversation(workspace, agent, "Barbara Liskov", "Second question");
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();
		this.browser.await((driver) -> this.dashboard.inboxIds().equals(List.of(newer, older)));

		this.dashboard.press("?");
		assertThat(this.browser.find(By.id("shortcuts")).isDisplayed()).isTrue();
		this.browser.screenshot("dashboard-shortcuts");
		this.browser.find(By.cssSelector("#shortcuts button")).click();
		this.dashboard.press("j");
		this.dashboard.press("j");
		this.dashboard.press("k");
		assertThat(this.browser.driver().switchTo().activeElement().getText()).contains("Barbara Liskov");
		this.browser.driver().switchTo().activeElement().sendKeys("e");

		this.browser.await((driver) -> this.dashboard.inboxIds().equals(List.of(older)));
		assertThat(this.api.get("/api/conversations/" + newer, agent.token()).data().get("status").stringValue())
			.isEqualTo("resolved");
		this.dashboard.press("/");
		assertThat(this.browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("q");

		this.browser.resize(768, 900);
		this.browser.screenshot("dashboard-inbox-768");
		assertThat((Boolean) this.browser.script("return document.documentElement.scrollWidth <= 768"))
			.as("usable from 768 px wide: nothing sticks out sideways")
			.isTrue();
		this.browser.follow("/app/conversations/" + older);
		this.dashboard.awaitConnected();
		this.browser.screenshot("dashboard-conversation-768");
		assertThat((Boolean) this.browser.script("return document.documentElement.scrollWidth <= 768")).isTrue();
		this.browser.resize(1280, 800);
	}

	@Test
	void aNoteMentioningAMemberNotifiesThemLiveAndOnTheirNotificationsPage() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String id = assignedVisitorConversation(workspace, agent, "Ada Lovelace", "My refund?");
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/conversations/" + id);
		this.dashboard.awaitConnected();

		this.browser.find(By.id("note")).click();
		this.browser.find(By.id("content")).sendKeys("Can you approve this, @Oliv");
		this.browser.await((driver) -> !driver.findElements(By.cssSelector("#mention-menu [role=option]")).isEmpty());
		assertThat(this.browser.find(By.cssSelector("#mention-menu [aria-selected=true]")).getText())
			.isEqualTo("@Olivia Owner");
		this.browser.find(By.id("content")).sendKeys(Keys.ENTER);
		this.browser.find(By.id("content")).sendKeys("?");
		this.browser.find(By.id("content")).sendKeys(Keys.ENTER);
		this.browser.await((driver) -> !driver.findElements(By.cssSelector("#messages .message.note")).isEmpty());
		assertThat(this.browser.find(By.cssSelector("#messages .message.note .content")).getText())
			.isEqualTo("Can you approve this, @Olivia Owner ?");

		this.browser.find(By.cssSelector("form[action='/app/logout'] button")).click();
		this.dashboard.signIn(workspace.owner().email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();
		assertThat(this.browser.find(By.id("bell-count")).getText()).isEqualTo("1");
		Reply another = this.api.post("/api/conversations/" + id + "/messages", agent.token(),
				Map.of("content", "@Olivia one more", "type", "note", "mentions", List.of(workspace.owner().id())));
		assertThat(another.status()).as(another.raw()).isEqualTo(201);
		this.browser.await((driver) -> driver.findElements(By.cssSelector("#toasts .toast"))
			.stream()
			.anyMatch((toast) -> toast.getText().contains("You were mentioned in a note")));
		this.browser.await((driver) -> this.browser.find(By.id("bell-count")).getText().equals("2"));
		this.browser.screenshot("dashboard-mention-toast");

		this.browser.find(By.id("bell")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/notifications"));
		this.browser.screenshot("dashboard-notifications");
		this.browser.find(By.cssSelector(".notifications .row.unread button")).click();
		this.browser.await((driver) -> driver.getCurrentUrl().endsWith("/app/conversations/" + id));
	}

	@Test
	void aReassignedConversationLeavesTheFirstAgentsInboxAndPageLive() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser first = workspace.join(this.api, Map.of("role", "agent"));
		TestUser second = workspace.join(this.api, Map.of("role", "agent"));
		String id = assignedVisitorConversation(workspace, first, "Ada Lovelace", "Hello?");
		String kept = assignedVisitorConversation(workspace, first, "Grace Hopper", "Hi!");
		this.dashboard.signIn(first.email(), TestWorkspace.PASSWORD);
		this.dashboard.awaitConnected();
		this.browser.await((driver) -> this.dashboard.inboxIds().containsAll(List.of(id, kept)));

		reassign(workspace, id, second);
		this.browser.await((driver) -> this.dashboard.inboxIds().equals(List.of(kept)));

		this.browser.follow("/app/conversations/" + kept);
		this.dashboard.awaitConnected();
		reassign(workspace, kept, second);
		this.browser.await((driver) -> !driver.findElements(By.cssSelector("#lost[role=alert]")).isEmpty());
		assertThat(this.browser.find(By.id("lost")).getText()).contains("no longer yours");
		assertThat(this.browser.find(By.id("content")).isEnabled()).isFalse();
		this.browser.screenshot("dashboard-reassigned");
	}

	@Test
	void aSnoozedConversationComesBackIntoTheInboxLiveWhenItsTimeComes() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String id = assignedVisitorConversation(workspace, agent, "Ada Lovelace", "Remind me later");
		this.dashboard.signIn(agent.email(), TestWorkspace.PASSWORD);
		this.browser.follow("/app/conversations/" + id);
		this.dashboard.awaitConnected();
		// the panel is swapped when the conversation changes: wait for the one the
		// agent's
		// join brings (assigned), so the menu found is the one clicked
		this.browser.await((driver) -> "Assigned".equals(this.browser
			.script("var b = document.getElementById('status-badge'); return b && b.textContent.trim();")));
		this.browser.script("document.getElementById('snooze-preset').value = '1h';"
				+ " document.getElementById('snooze').click();");
		this.browser.await((driver) -> !driver.findElements(By.id("snoozed-until")).isEmpty());
		this.browser.follow("/app/inbox");
		this.dashboard.awaitConnected();
		assertThat(this.dashboard.inboxIds()).doesNotContain(id);

		this.clock.advance(Duration.ofMinutes(61));

		this.browser.await((driver) -> this.dashboard.inboxIds().contains(id));
		this.clock.reset();
	}

	private void reassign(TestWorkspace workspace, String conversationId, TestUser agent) {
		Reply assigned = this.api.post("/api/conversations/" + conversationId + "/assign", workspace.owner().token(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
	}

	private String assignedVisitorConversation(TestWorkspace workspace, TestUser agent, String name, String text) {
		TestVisitor visitor = this.visitors.visitor(workspace.id(), name);
		String id = this.visitors.conversation(visitor, text);
		Reply assigned = this.api.post("/api/conversations/" + id + "/assign", workspace.owner().token(),
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		return id;
	}

	private void visitorSays(TestVisitor visitor, String conversationId, String text) {
		Reply sent = this.api.post("/api/widget/conversations/" + conversationId + "/messages", visitor.token(),
				Map.of("content", text));
		assertThat(sent.status()).as(sent.raw()).isIn(200, 201);
	}

	private long visitorTranscriptSequence(TestVisitor visitor, String conversationId) {
		long last = 0;
		for (JsonNode message : this.api
			.get("/api/widget/conversations/" + conversationId + "/messages?limit=100", visitor.token())
			.data()
			.get("items")) {
			last = Math.max(last, message.get("sequence").asLong());
		}
		return last;
	}

	private List<String> visitorTranscript(TestVisitor visitor, String conversationId) {
		List<String> texts = new ArrayList<>();
		for (JsonNode message : this.api
			.get("/api/widget/conversations/" + conversationId + "/messages?limit=100", visitor.token())
			.data()
			.get("items")) {
			texts.add(message.get("content").stringValue());
		}
		return texts;
	}

}

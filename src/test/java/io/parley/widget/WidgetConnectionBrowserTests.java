package io.parley.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget is never silently stale: a connection lost and restored misses nothing and
 * doubles nothing, shows that it is reconnecting meanwhile, and sends what the visitor
 * typed while offline once; without WebSocket, the event stream and POSTs do the same.
 * The browsers keep the cross-origin iframe in its page's process
 * ({@code --disable-site-isolation-trials}), so that DevTools' network conditions and
 * scripts reach it.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetConnectionBrowserTests {

	static final List<String> IN_PROCESS_FRAMES = List.of("--disable-site-isolation-trials",
			"--disable-features=IsolateOrigins,site-per-process");

	@LocalServerPort
	int port;

	Api api;

	HostPage host;

	Browser browser;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	@AfterAll
	void stop() {
		if (this.host != null) {
			this.host.close();
		}
	}

	@Test
	void aLostConnectionShowsReconnectingAndResumesWithNothingLostOrDoubled() {
		this.browser = Browser.start(this.port, IN_PROCESS_FRAMES);
		WidgetPage widget = new WidgetPage(this.browser);
		Conversation chat = startChat(widget, "/drop.html");

		this.browser.offline(true);
		widget.inFrame(() -> this.browser.script("window.parleyDropConnection()"));
		widget.awaitInFrame(() -> widget.status().equals("Reconnecting…"), "the reconnecting state");
		chat.widget.reply(chat.id, chat.agent, "Are you still there?");
		widget.send("Sorry, my train went into a tunnel");
		widget.awaitInFrame(
				() -> widget.text(By.cssSelector(".message.pending .meta")).equals("Waiting for the connection…"),
				"the message waiting");
		assertThat(chat.widget.transcript(chat.id)).containsExactly("Hello?", "Are you still there?");

		this.browser.offline(false);

		widget.awaitInFrame(() -> widget.confirmedMessages().size() == 3 && widget.status().isEmpty(), "resumed");
		assertThat(widget.messages()).containsExactly("Hello?", "Are you still there?",
				"Sorry, my train went into a tunnel");
		Eventually.until("the message sent once", () -> chat.widget.transcript(chat.id), (texts) -> texts.size() == 3);
		assertThat(chat.widget.transcript(chat.id)).containsExactly("Hello?", "Are you still there?",
				"Sorry, my train went into a tunnel");
	}

	@Test
	void withoutWebSocketTheChatWorksThroughTheEventStream() {
		this.browser = Browser.start(this.port, IN_PROCESS_FRAMES);
		this.browser
			.beforeEveryDocument("if (location.pathname === '/widget/frame.html') { delete window.WebSocket; }");
		WidgetPage widget = new WidgetPage(this.browser);
		Conversation chat = startChat(widget, "/no-websocket.html");
		assertThat(widget.inFrame(() -> this.browser.script("return typeof window.WebSocket")))
			.as("the frame has no WebSocket")
			.isEqualTo("undefined");

		widget.send("Still here");
		Eventually.until("the second message", () -> chat.widget.transcript(chat.id), (texts) -> texts.size() == 3);

		assertThat(widget.messages()).containsExactly("Hello?", "What can I do for you?", "Still here");
		assertThat(chat.widget.transcript(chat.id)).containsExactly("Hello?", "What can I do for you?", "Still here");
	}

	@Test
	void messagesSentWhileTheFirstIsOnItsWayGoIntoTheSameConversationOnceEach() {
		this.browser = Browser.start(this.port, IN_PROCESS_FRAMES);
		WidgetPage widget = new WidgetPage(this.browser);
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		chat.agent();
		this.browser.visit(this.host.embed("/two-firsts.html", this.port, chat.key(), "Parley('open');"));
		widget.awaitReady();

		this.browser.offline(true);
		widget.send("Hello?");
		widget.send("Is anybody there?");
		widget.send("I need help with my order");
		widget.awaitInFrame(() -> widget.messages().size() == 3, "the three messages waiting");
		this.browser.offline(false);

		widget.awaitInFrame(() -> widget.confirmedMessages().size() == 3, "the three messages sent");
		String id = Eventually.until("the conversation", () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		Eventually.until("the messages", () -> chat.transcript(id), (texts) -> texts.size() == 3);
		assertThat(chat.transcript(id)).containsExactly("Hello?", "Is anybody there?", "I need help with my order");
		assertThat(chat.inbox()).as("one conversation").hasSize(1);
		assertThat(widget.messages()).containsExactly("Hello?", "Is anybody there?", "I need help with my order");
	}

	@Test
	void aSocketThatNeverOpensGivesWayToTheEventStream() {
		this.browser = Browser.start(this.port, IN_PROCESS_FRAMES);
		// a proxy that kills every upgrade: the socket exists, and closes before it opens
		this.browser.beforeEveryDocument("if (location.pathname === '/widget/frame.html') {"
				+ " window.WebSocket = function () { var self = this; self.readyState = 0;"
				+ " setTimeout(function () { self.readyState = 3; self.onerror && self.onerror({});"
				+ " self.onclose && self.onclose({}); }, 50); };" + " window.WebSocket.prototype.send = function () {};"
				+ " window.WebSocket.prototype.close = function () {}; }");
		WidgetPage widget = new WidgetPage(this.browser);
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		this.browser.visit(this.host.embed("/blocked-socket.html", this.port, chat.key(), "Parley('open');"));
		widget.awaitReady();
		widget.send("Hello?");
		String id = Eventually.until("the conversation", () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		chat.assign(id, agent);
		Eventually.until("the event stream", Duration.ofSeconds(30), () -> widget.connection(),
				(state) -> state.equals("online"));

		assertThat(widget.inFrame(() -> this.browser.script("return document.documentElement.dataset.transport")))
			.as("the socket given up")
			.isEqualTo("stream");
		chat.reply(id, agent, "Through the stream");
		widget.awaitInFrame(() -> widget.confirmedMessages().size() == 2, "the answer, through the stream");
		widget.send("Thanks");
		Eventually.until("the second message", () -> chat.transcript(id), (texts) -> texts.size() == 3);
		assertThat(chat.transcript(id)).containsExactly("Hello?", "Through the stream", "Thanks");
	}

	/** A visitor's conversation, with the agent's first answer shown in the widget. */
	private Conversation startChat(WidgetPage widget, String path) {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		this.browser.visit(this.host.embed(path, this.port, chat.key(), "Parley('open');"));
		widget.awaitReady();
		widget.send("Hello?");
		String id = Eventually.until("the conversation", () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		chat.assign(id, agent);
		widget.awaitInFrame(() -> widget.confirmedMessages().size() == 1, "the first message");
		widget.awaitInFrame(() -> "online".equals(widget.connection()), "connected");
		if (path.contains("no-websocket")) {
			chat.reply(id, agent, "What can I do for you?");
			widget.awaitInFrame(() -> widget.confirmedMessages().size() == 2, "the answer, through the stream");
		}
		return new Conversation(chat, agent, id);
	}

	private record Conversation(TestWidget widget, TestUser agent, String id) {
	}

}

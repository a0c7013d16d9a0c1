package io.parley.widget;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Browser;
import io.parley.support.Eventually;
import io.parley.support.HostPage;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor chatting through the widget on a customer's page of another origin, in a
 * headless Chromium, with the team answering through the API and their sockets: the
 * pre-chat form, the conversation in the inbox, replies without a reload, the history
 * after one, typing both ways, read receipts, attachments, the offline form and themes.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetChatBrowserTests {

	// a 1x1 PNG
	static final byte[] PIXEL = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/**
	 * How long a visitor's message may take to become a conversation: the widget opens a
	 * session, then the conversation, and tries again while a loaded server is busy.
	 */
	private static final Duration STARTED = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	Api api;

	Browser browser;

	HostPage host;

	WidgetPage widget;

	@BeforeAll
	void start() {
		this.api = new Api(this.port);
		this.host = HostPage.start();
		this.browser = Browser.start(this.port);
		this.widget = new WidgetPage(this.browser);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.host != null) {
			this.host.close();
		}
	}

	@AfterEach
	void leave() {
		this.browser.visit("about:blank");
	}

	@Test
	void aVisitorAsksAndTheTeamAnswersWithoutAReloadAndTheHistoryStaysAfterOne() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("allowedDomains", List.of(this.host.origin()), "welcomeMessage", "Welcome to Acme!", "preChat",
						Map.of("name", "optional", "email", "required", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		String page = this.host.embed("/chat.html", this.port, chat.key(), """
				Parley('on', 'conversationStarted', function (c) { events.push('started ' + c.conversationId); });
				Parley('on', 'message', function (m) { events.push('message ' + m.content); });
				Parley('on', 'unread', function (u) { events.push('unread ' + u.count); });
				""");
		this.browser.visit(page);
		this.widget.open();
		this.widget.awaitReady();
		assertThat(this.widget.text(By.cssSelector(".message.welcome .bubble"))).isEqualTo("Welcome to Acme!");

		this.widget.send("Where is my order?");
		// the key press reaches the frame's handler after sendKeys returns: wait for its
		// answer
		this.widget.awaitInFrame(() -> !this.widget.text(By.cssSelector(".prechat .error")).isEmpty(),
				"the pre-chat form's error");
		assertThat(this.widget.text(By.cssSelector(".prechat .error")))
			.isEqualTo("Please fill in the required fields.");
		assertThat(chat.inbox()).as("nothing was sent").isEmpty();

		this.widget.fillPreChat("name", "Ada Lovelace");
		this.widget.fillPreChat("email", "ada@example.com");
		this.widget.send("Where is my order?");

		JsonNode conversation = Eventually
			.until("the conversation in the inbox", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0);
		String id = conversation.get("id").stringValue();
		assertThat(conversation.get("contact").get("email").stringValue()).isEqualTo("ada@example.com");
		assertThat(conversation.get("contact").get("name").stringValue()).isEqualTo("Ada Lovelace");
		assertThat(chat.transcript(id)).containsExactly("Where is my order?");
		this.browser.await((driver) -> events().contains("started " + id));

		chat.assign(id, agent);
		chat.reply(id, agent, "It ships today: https://acme.example/orders/17. <b>Thanks</b>");

		this.widget.awaitInFrame(() -> this.widget.confirmedMessages().size() == 2, "the reply, without a reload");
		assertThat(this.widget.messages()).containsExactly("Where is my order?",
				"It ships today: https://acme.example/orders/17. <b>Thanks</b>");
		WebElement link = this.widget.inFrame(() -> this.browser.find(By.cssSelector(".message.theirs .bubble a")));
		assertThat(this.widget
			.inFrame(() -> List.of(link.getAttribute("href"), link.getAttribute("rel"), link.getAttribute("target"))))
			.containsExactly("https://acme.example/orders/17", "noopener noreferrer", "_blank");
		assertThat(this.widget.inFrame(() -> this.browser.driver().findElements(By.cssSelector(".bubble b"))))
			.as("text is never HTML")
			.isEmpty();
		assertThat(this.widget.title()).as("the agent's name in the header").isEqualTo(agentName(agent));
		this.browser.await((driver) -> events()
			.contains("message It ships today: https://acme.example/orders/17. " + "<b>Thanks</b>"));
		this.browser.screenshot("widget-open-light");

		this.browser.script("Parley('close')");
		chat.reply(id, agent, "One more thing");
		this.browser.await((driver) -> events().contains("unread 1"));
		assertThat(this.browser.find(By.cssSelector("[data-parley=unread]")).getText()).as("the launcher's badge")
			.isEqualTo("1");
		this.browser.script("Parley('open')");
		this.browser.await((driver) -> events().contains("unread 0"));

		this.browser.visit(page);
		this.widget.open();
		this.widget.awaitInFrame(() -> this.widget.confirmedMessages().size() == 3, "the history after a reload");
		assertThat(this.widget.messages()).containsExactly("Where is my order?",
				"It ships today: https://acme.example/orders/17. <b>Thanks</b>", "One more thing");
		assertThat(chat.inbox()).as("still one conversation").hasSize(1);
	}

	@Test
	void theHistoryReplayedIsNotAnnouncedAndAResetBeforeTheChatIsOpenedForgetsIt() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		String page = this.host.embed("/reset.html", this.port, chat.key(), """
				Parley('on', 'message', function (m) { events.push('message ' + m.content); });
				""");
		this.browser.visit(page);
		this.widget.open();
		this.widget.awaitReady();
		this.widget.send("Hello?");
		String id = Eventually.until("the conversation", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		chat.assign(id, agent);
		chat.reply(id, agent, "Hi, how can I help?");
		this.widget.awaitInFrame(() -> this.widget.confirmedMessages().size() == 2, "the reply");
		this.browser.await((driver) -> events().contains("message Hi, how can I help?"));

		this.browser.visit(page);
		this.widget.open();
		this.widget.awaitInFrame(() -> this.widget.confirmedMessages().size() == 2, "the history after a reload");
		assertThat(events()).as("the history is no news").isEmpty();

		this.browser.visit(page);
		this.browser.script("Parley('reset')");
		this.widget.open();
		this.widget.awaitReady();
		assertThat(this.widget.messages()).as("a new visitor's chat").isEmpty();
		this.widget.send("A new question");
		Eventually.until("a second conversation", STARTED, () -> chat.inbox(), (items) -> items.size() == 2);
		assertThat(this.widget.messages()).containsExactly("A new question");
	}

	@Test
	void typingAndReadingAreShownBothWays() throws Exception {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		this.browser.visit(this.host.embed("/typing.html", this.port, chat.key(), ""));
		this.widget.open();
		this.widget.awaitReady();
		this.widget.send("Hello?");
		String id = Eventually.until("the conversation", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		chat.assign(id, agent);

		try (Socket staff = staffSocket(agent)) {
			staff.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			awaitFrame(staff, "JOINED_CONVERSATION");
			// typing is not stored: the widget hears it only once its own socket is in
			// the room
			this.widget.awaitInFrame(() -> "online".equals(this.widget.connection()), "the chat connected");

			staff.send("TYPING", Map.of("conversationId", id, "typing", true));
			this.widget.awaitInFrame(() -> this.widget.typing().equals(agentName(agent) + " is typing…"),
					"the agent typing");

			this.widget.type("I am still");
			JsonNode typing = awaitFrame(staff, "TYPING");
			assertThat(typing.get("typing").asBoolean()).isTrue();

			this.api.send("PUT", "/api/conversations/" + id + "/read", agent.token(), "application/json",
					"{\"sequence\":1}");
			this.widget.awaitInFrame(() -> "Read".equals(this.widget.text(By.cssSelector(".message.mine .meta"))),
					"read by the agent");
		}
	}

	@Test
	void aConversationTheTeamResolvesAsksForTheRatingAtOnceAndTheTeamSeesIt() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		TestUser agent = chat.agent();
		this.browser.visit(this.host.embed("/rating.html", this.port, chat.key(), ""));
		this.widget.open();
		this.widget.awaitReady();
		this.widget.send("Can you help?");
		String id = Eventually.until("the conversation", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0)
			.get("id")
			.stringValue();
		chat.assign(id, agent);
		this.widget.awaitInFrame(() -> "online".equals(this.widget.connection()), "the chat connected");

		this.api.send("PATCH", "/api/conversations/" + id, agent.token(), "application/json",
				"{\"status\":\"resolved\"}");
		this.widget.awaitInFrame(() -> !this.browser.driver().findElements(By.cssSelector("form.rating")).isEmpty(),
				"the rating form, without a reload");
		this.widget.inFrame(() -> {
			this.browser.find(By.cssSelector("form.rating button[data-score='4']")).click();
			this.browser.find(By.cssSelector("form.rating textarea")).sendKeys("Quick and kind");
			this.browser.find(By.cssSelector("form.rating button[type='submit']")).click();
			return null;
		});
		this.widget.awaitInFrame(() -> this.browser.driver().findElements(By.cssSelector("form.rating")).isEmpty(),
				"the thanks");

		JsonNode rating = Eventually.until("the rating",
				() -> this.api.get("/api/conversations/" + id, agent.token()).data().get("rating"),
				(given) -> !given.isNull());
		assertThat(rating.get("score").asInt()).isEqualTo(4);
		assertThat(rating.get("comment").stringValue()).isEqualTo("Quick and kind");
	}

	@Test
	void aVisitorSendsAnImageThatIsShownAsAThumbnailAndReachesTheTeam() throws Exception {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("preChat", Map.of("name", "off", "email", "off", "phone", "off", "custom", List.of())));
		chat.agent();
		this.browser.visit(this.host.embed("/upload.html", this.port, chat.key(), ""));
		this.widget.open();
		this.widget.awaitReady();
		this.widget.send("A picture of the damage:");
		this.widget.awaitInFrame(() -> this.widget.confirmedMessages().size() == 1, "the first message");
		Path file = Files.createTempFile("damage", ".png");
		Files.write(file, PIXEL);

		this.widget.inFrame(() -> {
			this.browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			return null;
		});

		this.widget.awaitInFrame(() -> {
			List<WebElement> images = this.browser.driver().findElements(By.cssSelector(".attachment img"));
			return !images.isEmpty() && images.get(0).getAttribute("src").startsWith("blob:")
					&& ((Long) this.browser.script("return arguments[0].naturalWidth", images.get(0))) == 1L;
		}, "the thumbnail, downloaded with the visitor's token");
		String id = chat.inbox().get(0).get("id").stringValue();
		JsonNode messages = this.api
			.get("/api/conversations/" + id + "/messages?limit=100", chat.workspace().owner().token())
			.data()
			.get("items");
		assertThat(messages.get(messages.size() - 1).get("attachments").size()).isEqualTo(1);
	}

	@Test
	void withNobodyOnlineTheVisitorLeavesAMessageTheTeamFinds() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("offlineMessage", "We are closed. Leave us a note!"));
		chat.nobodyOnline();
		this.browser.visit(this.host.embed("/offline.html", this.port, chat.key(), "Parley('open');"));
		this.widget.awaitInFrame(() -> !this.browser.driver().findElements(By.cssSelector("form.offline")).isEmpty(),
				"the offline form");
		assertThat(this.widget.text(By.cssSelector("form.offline p.hint")))
			.isEqualTo("We are closed. Leave us a note!");
		this.browser.screenshot("widget-offline-form");

		assertThat(this.widget.inFrame(() -> this.browser.driver()
			.findElements(By.cssSelector("form.offline input, form.offline textarea"))
			.stream()
			.map((field) -> field.getAttribute("name"))
			.toList())).containsExactly("name", "email", "message");

		this.widget.inFrame(() -> {
			this.browser.find(By.cssSelector("form.offline input[name=email]")).sendKeys("grace@example.com");
			this.browser.find(By.cssSelector("form.offline textarea[name=message]")).sendKeys("Call me back, please.");
			this.browser.find(By.cssSelector("form.offline button[type=submit]")).click();
			return null;
		});

		this.widget.awaitInFrame(() -> "Thank you! We will get back to you by email."
			.equals(this.widget.text(By.cssSelector("#footer p"))), "the thanks");
		JsonNode conversation = Eventually
			.until("the message left offline", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0);
		assertThat(conversation.get("contact").get("email").stringValue()).isEqualTo("grace@example.com");
		assertThat(chat.transcript(conversation.get("id").stringValue())).containsExactly("Call me back, please.");
	}

	@Test
	void theDarkThemeAndThePrimaryColorAreApplied() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api),
				Map.of("theme", "dark", "primaryColor", "#db2777", "welcomeMessage", "Hi! Ask us anything."));
		chat.agent();
		this.browser.visit(this.host.embed("/dark.html", this.port, chat.key(), "Parley('open');"));
		this.widget.awaitReady();

		assertThat(this.widget.inFrame(() -> this.browser
			.script("return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor,"
					+ " getComputedStyle(document.querySelector('.header')).backgroundColor]")))
			.isEqualTo(List.of("dark", "rgb(17, 24, 39)", "rgb(219, 39, 119)"));
		this.browser.screenshot("widget-open-dark");
	}

	@Test
	void whenTheWorkspaceRequiresVerifiedVisitorsTheAnonymousAndTheWrongHashAreRefused() throws Exception {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of("identityRequired", true));
		chat.agent();
		String hash = hmac(chat.identitySecret(), "user-4711");

		this.browser.visit(this.host.embed("/anonymous.html", this.port, chat.key(), "Parley('open');"));
		this.widget.awaitInFrame(() -> this.widget.status().equals("Please sign in on this site to chat with us."),
				"the anonymous visitor refused");
		assertThat(this.widget.inFrame(() -> this.browser.driver().findElements(By.id("input")))).isEmpty();

		this.browser.visit(this.host.embed("/forged.html", this.port, chat.key(),
				"Parley('setUser', {id: 'user-4711', name: 'Ada', identityHash: '" + "0".repeat(64) + "'});"
						+ " Parley('open');"));
		this.widget.awaitInFrame(
				() -> this.widget.status().equals("We could not verify who you are. Please sign in again."),
				"the wrong hash refused");

		this.browser.visit(this.host.embed("/signed-in.html", this.port, chat.key(),
				"Parley('setUser', {id: 'user-4711', name: 'Ada Lovelace', email: 'ada@example.com', identityHash: '"
						+ hash + "'}); Parley('open');"));
		this.widget.awaitReady();
		this.widget.send("Signed in and asking");
		JsonNode conversation = Eventually
			// the widget opens a session, then the conversation: on a loaded machine that
			// has taken longer than the default patience
			.until("the verified visitor's conversation", Duration.ofSeconds(30), () -> chat.inbox(),
					(items) -> items.size() == 1)
			.get(0);
		assertThat(chat.transcript(conversation.get("id").stringValue())).containsExactly("Signed in and asking");
	}

	@Test
	void aSignedInUsersKnownEmailMeetsARequiredPreChatField() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of("preChat",
				Map.of("name", "optional", "email", "required", "phone", "off", "custom", List.of())));
		chat.agent();
		this.browser.visit(this.host.embed("/known-user.html", this.port, chat.key(),
				"Parley('setUser', {id: 'user-17', name: 'Grace Hopper', email: 'grace@example.com'}); Parley('open');"));
		this.widget.awaitReady();
		this.widget.send("Signed in, with a question");

		JsonNode conversation = Eventually
			.until("the signed-in user's conversation", STARTED, () -> chat.inbox(), (items) -> items.size() == 1)
			.get(0);
		assertThat(conversation.get("contact").get("email").stringValue()).isEqualTo("grace@example.com");
		assertThat(chat.transcript(conversation.get("id").stringValue())).containsExactly("Signed in, with a question");
		assertThat(this.widget.status()).as("no error").isEmpty();
	}

	@Test
	void aHostPageTooBusyToAnswerInTimeStillHasItsSignedInUserKnown() {
		TestWidget chat = TestWidget.of(this.api, TestWorkspace.create(this.api), Map.of("preChat",
				Map.of("name", "optional", "email", "required", "phone", "off", "custom", List.of())));
		chat.agent();
		// the host page's own work holds its main thread once the chat's frame is added:
		// the frame starts alone after its 3 s, and the host's answer comes later
		this.browser.visit(this.host.embed("/busy-host.html", this.port, chat.key(), """
				Parley('setUser', {id: 'user-42', name: 'Hedy Lamarr', email: 'hedy@example.com'}); Parley('open');
				new MutationObserver(function (changes, observer) {
				  if (document.querySelector('iframe[data-parley=frame]')) {
				    observer.disconnect();
				    setTimeout(function () { var end = Date.now() + 4500; while (Date.now() < end) {} }, 0);
				  }
				}).observe(document.documentElement, {childList: true, subtree: true});
				"""));
		this.widget.awaitReady();
		this.widget.awaitInFrame(
				() -> this.browser.driver().findElements(By.cssSelector(".prechat")).isEmpty()
						&& !this.browser.driver().findElements(By.cssSelector("#footer textarea")).isEmpty(),
				"the chat started over with the signed-in user: no form to fill in");
		this.widget.send("Busy page, known user");

		JsonNode conversation = Eventually
			.until("the signed-in user's conversation", Duration.ofSeconds(30), () -> chat.inbox(),
					(items) -> items.size() == 1)
			.get(0);
		assertThat(conversation.get("contact").get("email").stringValue()).isEqualTo("hedy@example.com");
	}

	private static String hmac(String secret, String id) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
	}

	private Socket staffSocket(TestUser member) {
		String ticket = this.api.post("/api/socket-tickets", member.token(), Map.of())
			.data()
			.get("ticket")
			.stringValue();
		return Socket.connectWithTicket(this.port, ticket);
	}

	static JsonNode awaitFrame(Socket socket, String event) {
		for (int skipped = 0; skipped < 50; skipped++) {
			JsonNode frame = socket.next();
			if (event.equals(frame.get("event").stringValue())) {
				return frame.get("data");
			}
		}
		throw new AssertionError("no " + event + " frame");
	}

	private String agentName(TestUser agent) {
		return this.api.get("/auth/me", agent.token()).data().get("name").stringValue();
	}

	@SuppressWarnings("unchecked")
	private List<String> events() {
		return (List<String>) this.browser.script("return window.events");
	}

}

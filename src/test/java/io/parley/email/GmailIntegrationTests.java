package io.parley.email;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Gmail inbox end to end against Google's stand-in ({@link GoogleStandIn}): consent,
 * the watch, verified pushes read through the history, the full sync when the history is
 * gone, replies through messages.send in the Gmail thread, and a revoked token shown in
 * the inbox's state. What the staff see over the REST API.
 */
@ParleyIntegrationTest
@DirtiesContext // its own settings, and it moves the clock
@ExtendWith(SecretsStayOutOfTheLog.class)
class GmailIntegrationTests {

	static final String TOPIC = "projects/parley-test/topics/gmail";

	static final String AUDIENCE = "https://parley.test/api/email-inboxes/gmail/push";

	static final String PUSHER = "gmail-push@parley-test.iam.gserviceaccount.com";

	static final GoogleStandIn GOOGLE = standIn();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GmailPoller poller;

	@Autowired
	ReplyDelivery delivery;

	@Autowired
	TestClock clock;

	Api api;

	TestWorkspace workspace;

	String owner;

	String address;

	GoogleStandIn.Mailbox gmail;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		registry.add("parley.email.gmail.topic", () -> TOPIC);
		registry.add("parley.email.gmail.push-audience", () -> AUDIENCE);
		registry.add("parley.email.gmail.push-service-account", () -> PUSHER);
		// rounds come from pushes and from the tests, not from the schedule
		GOOGLE.register(registry);
	}

	@AfterAll
	static void stopGoogle() {
		GOOGLE.close();
	}

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.owner = this.workspace.owner().token();
		this.address = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";
		this.gmail = GOOGLE.mailbox(this.address);
		GOOGLE.consentAs = null;
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anAdminConnectsAGmailAccountByConsentAndItsRefreshTokenIsStoredSealed() throws Exception {
		Reply added = this.api.post("/api/email-inboxes", this.owner, Map.of("kind", "gmail", "displayName",
				"Acme Support", "fromAddress", this.address, "signature", "-- \nAcme"));
		assertThat(added.status()).as(added.raw()).isEqualTo(201);
		assertThat(added.data().get("kind").stringValue()).isEqualTo("gmail");
		assertThat(added.data().get("imap").isNull()).isTrue();
		assertThat(added.data().at("/state/connected").asBoolean()).isFalse();
		String consent = added.data().get("consentUrl").stringValue();
		assertThat(consent).startsWith(GOOGLE.url() + "/auth?");

		String callback = consent(consent);
		Map<String, String> asked = GOOGLE.lastConsent;
		assertThat(asked.get("access_type")).isEqualTo("offline");
		assertThat(asked.get("client_id")).isEqualTo(GoogleStandIn.CLIENT_ID);
		assertThat(asked.get("scope").split(" ")).containsExactlyInAnyOrder(
				"https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.send");
		assertThat(asked.get("redirect_uri")).endsWith("/api/email-inboxes/gmail/callback");
		Reply connected = get(callback);

		assertThat(connected.status()).as(connected.raw()).isEqualTo(200);
		String id = added.data().get("id").stringValue();
		JsonNode shown = this.api.get("/api/email-inboxes/" + id, this.owner).data();
		assertThat(shown.at("/state/connected").asBoolean()).isTrue();
		assertThat(shown.at("/state/lastError").isNull()).isTrue();
		assertThat(this.gmail.watches.get()).isEqualTo(1);
		assertThat(this.gmail.topics).containsExactly(TOPIC);
		String sealed = this.jdbc.sql("SELECT refresh_token FROM gmail_accounts WHERE inbox_id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(sealed).doesNotStartWith("refresh-").doesNotContain("refresh-");
		assertThat(get(callback).status()).as("a consent is used once").isEqualTo(403);
		assertThat(this.api.get("/api/email-inboxes", this.owner).raw()).doesNotContain("refresh-");
	}

	@Test
	void theConsentOfAnotherGoogleAccountIsRefusedAndLeavesTheInboxUnconnected() throws Exception {
		Reply added = this.api.post("/api/email-inboxes", this.owner,
				Map.of("kind", "gmail", "displayName", "Acme", "fromAddress", this.address));
		GOOGLE.consentAs = "someone-else@gmail.test";

		Reply refused = get(consent(added.data().get("consentUrl").stringValue()));

		assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
		assertThat(refused.error())
			.isEqualTo("The Google account is not the inbox's address, connect with that account");
		assertThat(this.api.get("/api/email-inboxes/" + added.data().get("id").stringValue(), this.owner)
			.data()
			.at("/state/connected")
			.asBoolean()).isFalse();
	}

	@Test
	void aVerifiedPushReadsTheHistoryPageByPageAndABadPushReadsNothing() throws Exception {
		connect();
		String one = this.gmail.arrive(mail("kim@customer.test", "Kim", "Order 1", "Where is order 1?", null), null);
		this.gmail.arrive(mail("ana@customer.test", "Ana", "Order 2", "Where is order 2?", null), null);
		this.gmail.arrive(mail("lee@customer.test", "Lee", "Order 3", "Where is order 3?", null), null);

		assertThat(push(GOOGLE.pushToken(AUDIENCE, PUSHER, true, this.clock.instant())).status())
			.as("signed by another key")
			.isEqualTo(401);
		assertThat(push(GOOGLE.pushToken("https://elsewhere.test/push", PUSHER, false, this.clock.instant())).status())
			.as("for another audience")
			.isEqualTo(401);
		assertThat(push(GOOGLE.pushToken(AUDIENCE, "intruder@evil.test", false, this.clock.instant())).status())
			.as("from another service account")
			.isEqualTo(401);
		assertThat(push(null).status()).as("without a token").isEqualTo(401);
		this.poller.pollAllNow();
		assertThat(this.gmail.historyReads.get()).as("no read for a refused push").isZero();
		assertThat(emailConversations()).isEmpty();

		Reply pushed = push(GOOGLE.pushToken(AUDIENCE, PUSHER, false, this.clock.instant()));

		assertThat(pushed.status()).as(pushed.raw()).isEqualTo(200);
		JsonNode conversations = Eventually.until("the pushed mail imported", this::emailConversations,
				(found) -> found.size() == 3);
		assertThat(subjects(conversations)).containsExactlyInAnyOrder("Order 1", "Order 2", "Order 3");
		assertThat(this.gmail.gets(one)).isEqualTo(1);
		int reads = this.gmail.historyReads.get();
		assertThat(reads).as("two pages").isEqualTo(2);
		push(GOOGLE.pushToken(AUDIENCE, PUSHER, false, this.clock.instant()));
		Eventually.until("the second push read", () -> this.gmail.historyReads.get() > reads);
		assertThat(emailConversations().size()).isEqualTo(3);
		assertThat(this.gmail.gets(one)).isEqualTo(1);
	}

	@Test
	void anExpiredHistoryIdFallsBackToAFullSyncThatImportsNothingTwice() throws Exception {
		connect();
		String first = this.gmail.arrive(mail("pat@customer.test", "Pat", "Broken", "It broke", null), null);
		pushAndAwait(1);
		String second = this.gmail.arrive(mail("sam@customer.test", "Sam", "Late", "Still waiting", null), null);
		this.gmail.arrive(mail("kai@customer.test", "Kai", "Later", "Hello?", null), null);
		// Gmail keeps about a week of history: Parley's id is older than that now
		this.gmail.oldestHistory = this.gmail.historyId;

		pushAndAwait(2);

		assertThat(subjects(emailConversations())).containsExactlyInAnyOrder("Broken", "Late", "Later");
		assertThat(this.gmail.gets(first)).as("read once, not again by the full sync").isEqualTo(1);
		assertThat(this.gmail.gets(second)).isEqualTo(1);
		String shownFirst = contentsOf(emailConversations()).toString();
		assertThat(shownFirst).containsOnlyOnce("It broke");
	}

	@Test
	void aGmailMailWithAPdfBringsTheFileAlongAsTheImapPathDoes() throws Exception {
		connect();
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("pdf@customer.test", "Pia"));
		message.setRecipient(RecipientType.TO, new InternetAddress(this.address));
		message.setSubject("Invoice");
		jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
		jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
		text.setText("Attached", "UTF-8");
		mixed.addBodyPart(text);
		mixed.addBodyPart(MailAttachmentIntegrationTests.part(MailAttachmentIntegrationTests.PDF, "application/pdf",
				"invoice.pdf", jakarta.mail.Part.ATTACHMENT, null));
		message.setContent(mixed);
		message.saveChanges();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		this.gmail.arrive(raw.toByteArray(), null);

		pushAndAwait(2);

		String conversation = emailConversations().get(0).get("id").stringValue();
		assertThat(contentsOf(conversation)).containsExactly("Attached", "");
		JsonNode items = this.api.get("/api/conversations/" + conversation + "/messages?limit=100", this.owner)
			.data()
			.get("items");
		List<String> names = new java.util.ArrayList<>();
		items.forEach((item) -> {
			if (item.has("attachments")) {
				item.get("attachments").forEach((file) -> names.add(file.get("name").stringValue()));
			}
		});
		assertThat(names).containsExactly("invoice.pdf");
	}

	@Test
	void aReplyGoesOutThroughGmailInTheSameThreadThreadedAndOnceAfterGmailFailed() throws Exception {
		connect();
		String question = "<question-" + UUID.randomUUID() + "@customer.test>";
		this.gmail.arrive(mail("kim@customer.test", "Kim", "Question", "Where is it?", question), "thread-kim");
		pushAndAwait(1);
		String conversation = emailConversations().get(0).get("id").stringValue();
		TestUser agent = agentOf(conversation);
		this.gmail.failingSends.set(1);

		write(agent, conversation, "We are on it");
		write(agent, conversation, Map.of("content", "internal only", "type", "note"));
		Eventually.until("a failed try", () -> {
			this.delivery.deliverNow();
			return this.jdbc.sql("SELECT attempts FROM email_outbox WHERE conversation_id = CAST(? AS UUID)")
				.param(conversation)
				.query(Integer.class)
				.optional()
				.orElse(0) > 0;
		});
		assertThat(this.gmail.sent).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		Eventually.until("the reply sent", () -> {
			this.delivery.deliverNow();
			return !this.gmail.sent.isEmpty();
		});
		// well past any retry: nothing goes out again
		this.clock.advance(Duration.ofMinutes(5));
		this.delivery.deliverNow();

		assertThat(this.gmail.sent).hasSize(1);
		GoogleStandIn.Stored sent = this.gmail.sent.get(0);
		assertThat(sent.threadId()).isEqualTo("thread-kim");
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
				new java.io.ByteArrayInputStream(sent.raw()));
		assertThat(mail.getHeader("In-Reply-To", ",")).isEqualTo(question);
		assertThat(mail.getHeader("References", ",")).contains(question);
		assertThat(mail.getMessageID()).isNotBlank().isNotEqualTo(question);
		assertThat(mail.getSubject()).isEqualTo("Re: Question");
		assertThat(mail.getRecipients(RecipientType.TO)[0].toString()).isEqualTo("kim@customer.test");
		assertThat(sent.text()).contains("We are on it").doesNotContain("internal only");

		// the customer answers in the thread: it joins the conversation, and Parley's
		// own sent message is never imported
		this.gmail.arrive(
				mail("kim@customer.test", "Kim", "Re: Question", "Thanks!", null,
						Map.of("In-Reply-To", mail.getMessageID(), "References", question + " " + mail.getMessageID())),
				"thread-kim");
		pushAndAwait(1);
		assertThat(contentsOf(conversation)).containsExactly("Where is it?", "We are on it", "Thanks!");
	}

	@Test
	void anAgentsFileGoesOutThroughGmailAttachedToTheReply() throws Exception {
		connect();
		this.gmail.arrive(mail("kim@customer.test", "Kim", "Invoice", "Send the invoice?", null), "thread-invoice");
		pushAndAwait(1);
		String conversation = emailConversations().get(0).get("id").stringValue();
		TestUser agent = agentOf(conversation);

		Reply uploaded = Multipart.to(this.port)
			.file("invoice.pdf", "application/pdf", MailAttachmentIntegrationTests.PDF)
			.field("content", "Attached")
			.post("/api/conversations/" + conversation + "/attachments", agent.token());
		assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
		Eventually.until("the reply sent", () -> {
			this.delivery.deliverNow();
			return !this.gmail.sent.isEmpty();
		});

		GoogleStandIn.Stored sent = this.gmail.sent.get(0);
		assertThat(sent.threadId()).isEqualTo("thread-invoice");
		MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
				new java.io.ByteArrayInputStream(sent.raw()));
		MimeMultipart mixed = (MimeMultipart) mail.getContent();
		assertThat(mixed.getBodyPart(0).getContent().toString()).startsWith("Attached");
		assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invoice.pdf");
		assertThat(mixed.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(MailAttachmentIntegrationTests.PDF);
	}

	@Test
	void aRevokedTokenIsShownInTheInboxsState() throws Exception {
		String id = connect();
		this.gmail.revoked = true;
		this.gmail.arrive(mail("kim@customer.test", "Kim", "Hello", "Hello", null), null);

		push(GOOGLE.pushToken(AUDIENCE, PUSHER, false, this.clock.instant()));

		JsonNode state = Eventually.until("the failure shown",
				() -> this.api.get("/api/email-inboxes/" + id, this.owner).data().get("state"),
				(shown) -> !shown.get("connected").asBoolean());
		assertThat(state.get("lastError").stringValue()).contains("invalid_grant");
		Reply again = this.api.post("/api/email-inboxes/" + id + "/consent", this.owner, Map.of());
		assertThat(again.status()).as(again.raw()).isEqualTo(200);
		assertThat(again.data().get("consentUrl").stringValue()).startsWith(GOOGLE.url() + "/auth?");
	}

	@Test
	void theWatchIsRenewedBeforeItExpires() throws Exception {
		String id = connect();
		assertThat(this.gmail.watches.get()).isEqualTo(1);
		this.poller.poll(UUID.fromString(id));
		assertThat(this.gmail.watches.get()).as("not yet due").isEqualTo(1);

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.gmail.watchExpiration = this.clock.instant().plus(Duration.ofDays(7)).toEpochMilli();
		this.poller.poll(UUID.fromString(id));

		assertThat(this.gmail.watches.get()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT watch_expires_at FROM gmail_accounts WHERE inbox_id = ?")
			.param(UUID.fromString(id))
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()
			.toEpochMilli()).isEqualTo(this.gmail.watchExpiration);
	}

	private String connect() throws Exception {
		Reply added = this.api.post("/api/email-inboxes", this.owner,
				Map.of("kind", "gmail", "displayName", "Acme Support", "fromAddress", this.address));
		assertThat(added.status()).as(added.raw()).isEqualTo(201);
		Reply connected = get(consent(added.data().get("consentUrl").stringValue()));
		assertThat(connected.status()).as(connected.raw()).isEqualTo(200);
		return added.data().get("id").stringValue();
	}

	/** The administrator's browser at Google's consent: where Google sends it back. */
	private String consent(String consentUrl) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(consentUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
		return back.getRawPath() + "?" + back.getRawQuery();
	}

	private Reply get(String path) {
		return this.api.send("GET", path, null, null, null);
	}

	private Reply push(String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/email-inboxes/gmail/push"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(GoogleStandIn.pushBody(this.address, this.gmail.historyId)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> answer = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(answer.statusCode(), Api.JSON.readTree(answer.body()), answer.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Pushes, and waits until {@code added} more messages are in email conversations. */
	private void pushAndAwait(int added) throws Exception {
		int messages = contentsOf(emailConversations()).size();
		assertThat(push(GOOGLE.pushToken(AUDIENCE, PUSHER, false, this.clock.instant())).status()).isEqualTo(200);
		Eventually.until("the push read", () -> contentsOf(emailConversations()).size() >= messages + added);
	}

	/** A new agent of the workspace, given the conversation. */
	private TestUser agentOf(String conversation) {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		assertThat(
				this.api.post("/conversations/" + conversation + "/assign", this.owner, Map.of("agentId", agent.id()))
					.status())
			.isEqualTo(200);
		return agent;
	}

	private void write(TestUser agent, String conversation, String text) {
		write(agent, conversation, Map.of("content", text));
	}

	private void write(TestUser agent, String conversation, Map<String, String> message) {
		Reply written = this.api.post("/api/conversations/" + conversation + "/messages", agent.token(), message);
		assertThat(written.status()).as(written.raw()).isEqualTo(201);
	}

	private JsonNode emailConversations() {
		return this.api.get("/api/conversations?channel=email&limit=100", this.owner).data().get("items");
	}

	private static List<String> subjects(JsonNode conversations) {
		return java.util.stream.StreamSupport.stream(conversations.spliterator(), false)
			.map((conversation) -> conversation.get("subject").stringValue())
			.toList();
	}

	private List<String> contentsOf(JsonNode conversations) {
		return java.util.stream.StreamSupport.stream(conversations.spliterator(), false)
			.flatMap((conversation) -> contentsOf(conversation.get("id").stringValue()).stream())
			.toList();
	}

	private List<String> contentsOf(String conversation) {
		JsonNode items = this.api.get("/api/conversations/" + conversation + "/messages?limit=100", this.owner)
			.data()
			.get("items");
		return java.util.stream.StreamSupport.stream(items.spliterator(), false)
			.filter((message) -> !message.has("note"))
			.map((message) -> message.get("content").stringValue())
			.toList();
	}

	private byte[] mail(String from, String name, String subject, String text, String messageId) throws Exception {
		return mail(from, name, subject, text, messageId, Map.of());
	}

	private byte[] mail(String from, String name, String subject, String text, String messageId,
			Map<String, String> headers) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				if (messageId != null) {
					setHeader("Message-ID", messageId);
				}
				else {
					super.updateMessageID();
				}
			}
		};
		message.setFrom(new InternetAddress(from, name));
		message.setRecipient(RecipientType.TO, new InternetAddress(this.address));
		message.setSubject(subject);
		message.setText(text, "UTF-8");
		for (Map.Entry<String, String> header : headers.entrySet()) {
			message.setHeader(header.getKey(), header.getValue());
		}
		message.saveChanges();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		return raw.toByteArray();
	}

	private static GoogleStandIn standIn() {
		try {
			return new GoogleStandIn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

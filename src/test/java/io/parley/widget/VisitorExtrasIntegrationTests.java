package io.parley.widget;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.parley.contact.Contact;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationIntake;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.widget.WidgetClient.Answer;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor's routes for files, ratings and offline messages: thin adapters over the
 * conversation's use cases, opened by the visitor token from an allowed page, reaching
 * only the visitor's own conversations.
 */
@ParleyIntegrationTest
class VisitorExtrasIntegrationTests {

	static final String PAGE = "http://localhost:3000";

	@LocalServerPort
	int port;

	@Autowired
	VisitorTokens tokens;

	@Autowired
	VisitorContacts contacts;

	@Autowired
	ConversationIntake intake;

	@Autowired
	TransactionTemplate transactions;

	Api api;

	TestWorkspace workspace;

	WorkspaceId workspaceId;

	WidgetClient widget;

	@BeforeEach
	void workspaceWithAnAllowedPage() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.workspaceId = WorkspaceId.parse(this.workspace.id()).orElseThrow();
		Reply saved = this.api.send("PUT", "/api/chat/settings", owner(), "application/json",
				Api.JSON.writeValueAsString(Map.of("allowedDomains", List.of(PAGE))));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		this.widget = new WidgetClient(this.port, PAGE);
	}

	@Test
	void aVisitorSendsAFileAndDownloadsOnlyTheirOwn() {
		Visitor vera = visitor();
		String conversation = conversationOf(vera, "Vera");
		Visitor other = visitor();
		conversationOf(other, "Otto");
		byte[] png = png();

		Reply sent = upload(vera, conversation, PAGE, "box.png", png);
		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
		assertThat(sent.data().get("type").stringValue()).isEqualTo("file");
		assertThat(sent.data().get("author").get("type").stringValue()).isEqualTo("contact");
		JsonNode attachment = sent.data().get("attachments").get(0);
		String id = attachment.get("id").stringValue();
		assertThat(attachment.get("url").stringValue()).isEqualTo("/api/widget/attachments/" + id);
		assertThat(attachment.get("image").asBoolean()).isTrue();
		JsonNode history = this.widget.get("/api/widget/conversations/" + conversation + "/messages", token(vera))
			.data()
			.get("items");
		assertThat(history.get(history.size() - 1).get("attachments").get(0).get("url").stringValue())
			.as("the file in the visitor's history")
			.isEqualTo("/api/widget/attachments/" + id);

		HttpResponse<byte[]> mine = Multipart.get(this.port, "/api/widget/attachments/" + id, token(vera));
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).isEqualTo(png);
		assertThat(mine.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(mine.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(mine.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(Multipart.get(this.port, "/api/widget/attachments/" + id, token(other)).statusCode())
			.as("another visitor's file")
			.isEqualTo(404);
		assertThat(Multipart.get(this.port, "/api/widget/attachments/" + id, owner()).statusCode())
			.as("a staff token opens no visitor route")
			.isEqualTo(401);
		assertThat(Multipart.get(this.port, "/api/attachments/" + id, token(vera)).statusCode())
			.as("a visitor token opens no staff route")
			.isEqualTo(401);

		JsonNode staffView = this.api.get("/api/conversations/" + conversation + "/messages", owner())
			.data()
			.get("items");
		assertThat(staffView.get(staffView.size() - 1).get("attachments").get(0).get("url").stringValue())
			.isEqualTo("/api/attachments/" + id);
		assertThat(Multipart.get(this.port, "/api/attachments/" + id, owner()).body()).isEqualTo(png);
	}

	@Test
	void aFileFromAnotherPageOrOfAnotherTypeOrToAnotherConversationIsRefused() {
		Visitor vera = visitor();
		String conversation = conversationOf(vera, "Vera");
		String others = conversationOf(visitor(), "Otto");
		byte[] program = new byte[256];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, 0, program, 0, 7);

		Reply foreign = upload(vera, conversation, "http://127.0.0.1:4000", "box.png", png());
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.error()).isEqualTo("Origin not allowed");
		Reply renamed = upload(vera, conversation, PAGE, "box.png", program);
		assertThat(renamed.status()).isEqualTo(415);
		assertThat(renamed.error()).isEqualTo("File type not allowed");
		Reply notMine = upload(vera, others, PAGE, "box.png", png());
		assertThat(notMine.status()).as(notMine.raw()).isEqualTo(403);

		JsonNode staffView = this.api.get("/api/conversations/" + conversation + "/messages", owner())
			.data()
			.get("items");
		assertThat(staffView.size()).as("only the first message").isEqualTo(1);
	}

	@Test
	void aVisitorRatesTheirResolvedConversationOnce() {
		Visitor vera = visitor();
		String conversation = conversationOf(vera, "Vera");
		Visitor other = visitor();
		conversationOf(other, "Otto");

		JsonNode waiting = this.widget.get("/api/widget/conversations/" + conversation, token(vera)).data();
		assertThat(waiting.get("queue").get("position").asInt()).as("unanswered, in the queue").isPositive();
		assertThat(waiting.get("rating").isNull()).isTrue();

		Answer early = rate(vera, conversation, 5);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.error()).isEqualTo("Only a resolved or closed conversation can be rated");
		Reply resolved = this.api.send("PATCH", "/api/conversations/" + conversation, owner(), "application/json",
				"{\"status\":\"resolved\"}");
		assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);

		assertThat(rate(other, conversation, 1).status()).as("another visitor's conversation").isEqualTo(404);
		Answer rated = this.widget.post("/api/widget/conversations/" + conversation + "/rating", token(vera),
				Map.of("score", 5, "comment", "Lovely"));
		assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
		assertThat(rated.data().get("score").asInt()).isEqualTo(5);
		Answer again = rate(vera, conversation, 1);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("This conversation has been rated already");
		assertThat(rate(vera, conversation, 9).status()).isEqualTo(400);
		JsonNode seen = this.widget.get("/api/widget/conversations/" + conversation, token(vera)).data();
		assertThat(seen.get("rating").get("score").asInt()).as("the visitor sees their rating").isEqualTo(5);
		assertThat(seen.get("queue").isNull()).as("a resolved conversation waits in no queue").isTrue();

		JsonNode rating = this.api.get("/api/conversations/" + conversation, owner()).data().get("rating");
		assertThat(rating.get("score").asInt()).isEqualTo(5);
		assertThat(rating.get("comment").stringValue()).isEqualTo("Lovely");
	}

	@Test
	void anOfflineMessageFromAnAllowedPageReachesTheInbox() {
		String key = this.api.get("/api/chat/settings", owner()).data().get("widgetKey").stringValue();
		String email = "night-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> form = Map.of("key", key, "name", "Nina", "email", email, "message", "Are you open?",
				"clientMessageId", "offline-1", "context", Map.of("pageUrl", PAGE + "/contact"));

		Answer left = this.widget.post("/api/widget/offline-messages", null, form);
		assertThat(left.status()).as(left.raw()).isEqualTo(201);
		assertThat(left.data().get("leftOffline").asBoolean()).isTrue();
		Answer repeated = this.widget.post("/api/widget/offline-messages", null, form);
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.data().get("id").stringValue()).isEqualTo(left.data().get("id").stringValue());

		Answer foreign = this.widget.from("http://127.0.0.1:4000").post("/api/widget/offline-messages", null, form);
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.error()).isEqualTo("Origin not allowed");
		Answer unknown = this.widget.post("/api/widget/offline-messages", null,
				Map.of("key", "wk_unknown", "email", email, "message", "Hi"));
		assertThat(unknown.status()).isEqualTo(404);
		Answer badEmail = this.widget.post("/api/widget/offline-messages", null,
				Map.of("key", key, "email", "nobody", "message", "Hi"));
		assertThat(badEmail.status()).isEqualTo(400);

		JsonNode items = this.api.get("/api/conversations", owner()).data().get("items");
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("leftOffline").asBoolean()).isTrue();
		assertThat(items.get(0).get("contact").get("email").stringValue()).isEqualTo(email);
		assertThat(items.get(0).get("contact").get("name").stringValue()).isEqualTo("Nina");
	}

	private Answer rate(Visitor visitor, String conversation, int score) {
		return this.widget.post("/api/widget/conversations/" + conversation + "/rating", token(visitor),
				Map.of("score", score));
	}

	private Reply upload(Visitor visitor, String conversation, String page, String name, byte[] content) {
		return Multipart.to(this.port)
			.origin(page)
			.file(name, "image/png", content)
			.post("/api/widget/conversations/" + conversation + "/attachments", token(visitor));
	}

	private Visitor visitor() {
		return new Visitor(this.workspaceId, UUID.randomUUID().toString(), null);
	}

	/** The visitor's first message, as the widget's first send makes it. */
	private String conversationOf(Visitor visitor, String name) {
		Contact contact = this.transactions.execute((status) -> this.contacts.findOrCreate(visitor, name));
		return this.intake
			.start(this.workspaceId, contact.id(), Channel.WEB, Conversation.Context.NONE, "Hello, I am " + name, null)
			.conversation()
			.id()
			.toString();
	}

	private String token(Visitor visitor) {
		return this.tokens.issue(visitor).token();
	}

	private String owner() {
		return this.workspace.owner().token();
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}

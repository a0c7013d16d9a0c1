package io.parley.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static io.parley.conversation.JsonNodes.assertContents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parley's own lines in the transcript: written after each change, seen by the staff on
 * the {@code /api} routes and on sockets that ask for them, never by the customer, never
 * on seed 003's routes and frames.
 */
@ParleyIntegrationTest
class SystemMessagesIntegrationTests {

	private static final String ASSIGNED = "Test supervisor assigned this conversation to Test agent";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@Test
	void theStaffSeeEachChangeInOrderAndTheCustomerKeepsAGaplessTranscriptWithoutThem() {
		String id = this.api.startConversation(this.team);
		post(id, this.team.candidate().token(), "Hello");

		assertThat(this.api
			.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
					Map.of("agentId", this.team.agent().id()))
			.status()).isEqualTo(200);
		awaitStaffLines(id, 1);
		patch(id, this.team.agent().token(), "pending");
		awaitStaffLines(id, 2);
		post(id, this.team.candidate().token(), "Still there?");
		patch(id, this.team.agent().token(), "closed");
		List<JsonNode> staff = awaitStaffLines(id, 3);

		assertContents(items(staff), "Hello", ASSIGNED, "Test agent changed the status from open to pending",
				"Still there?", "Test agent closed this conversation");
		assertThat(staff.stream().map((message) -> message.get("type").stringValue())).containsExactly("text", "system",
				"system", "text", "system");
		assertThat(staff.stream().map(SystemMessagesIntegrationTests::position)).containsExactly("1", "1.1", "1.2", "2",
				"2.3");
		JsonNode system = staff.get(1);
		assertThat(system.get("author").get("type").stringValue()).isEqualTo("system");
		assertThat(system.get("author").get("name").stringValue()).isEqualTo("Parley");
		assertThat(system.get("author").get("id").isNull()).isTrue();
		assertThat(system.get("senderRole").stringValue()).isEqualTo("system");
		assertThat(system.get("clientMessageId").stringValue()).startsWith("system:assigned:");

		List<JsonNode> customer = messages(id, this.team.candidate().token());
		assertContents(items(customer), "Hello", "Still there?");
		assertThat(customer.stream().map(SystemMessagesIntegrationTests::position)).containsExactly("1", "2");
		for (String token : List.of(this.team.candidate().token(), this.team.agent().token(),
				this.team.supervisor().token(), this.team.admin().token())) {
			JsonNode transcript = this.api.get("/conversations/" + id, token).data().get("messages");
			assertContents(transcript, "Hello", "Still there?");
			transcript.forEach((message) -> assertThat(message.has("note")).isFalse());
		}
	}

	@Test
	void staffSocketsThatAskGetTheLinesLiveAndOnResumeAndNoOtherSocketDoes() throws Exception {
		String id = this.api.assignedConversation(this.team);
		awaitStaffLines(id, 1);
		try (Socket candidate = Socket.connect(this.port, this.team.candidate().token());
				Socket asking = Socket.connect(this.port, this.team.agent().token());
				Socket plain = Socket.connect(this.port, this.team.agent().token())) {
			join(candidate, Map.of("conversationId", id));
			join(asking, Map.of("conversationId", id, "systemMessages", true));
			join(plain, Map.of("conversationId", id));

			patch(id, this.team.admin().token(), "pending");
			JsonNode line = asking.expect("NEW_MESSAGE");
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hi"));

			assertThat(line.get("content").stringValue())
				.isEqualTo("Test admin changed the status from assigned to pending");
			assertThat(line.get("type").stringValue()).isEqualTo("system");
			assertThat(line.get("author").get("name").stringValue()).isEqualTo("Parley");
			assertThat(List.of(line.get("sequence").asLong(), line.get("note").asLong())).containsExactly(0L, 2L);
			assertThat(asking.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi");
			assertThat(plain.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi");
			candidate.expectSilence(Duration.ofMillis(300));
		}
		try (Socket asking = Socket.connect(this.port, this.team.agent().token());
				Socket plain = Socket.connect(this.port, this.team.agent().token());
				Socket candidate = Socket.connect(this.port, this.team.candidate().token())) {
			join(asking, Map.of("conversationId", id, "afterSequence", 0, "afterNote", 0, "systemMessages", true));
			join(plain, Map.of("conversationId", id, "afterSequence", 0, "afterNote", 0));
			join(candidate, Map.of("conversationId", id, "afterSequence", 0));

			assertThat(asking.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo(ASSIGNED);
			assertThat(asking.expect("NEW_MESSAGE").get("type").stringValue()).isEqualTo("system");
			assertThat(asking.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi");
			assertThat(plain.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi");
			assertThat(candidate.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi");
			plain.expectSilence(Duration.ofMillis(200));
			candidate.expectSilence(Duration.ofMillis(100));
		}
	}

	@Test
	void anAgentOpeningAConversationForThemselvesGetsItsLine() {
		Reply contact = this.api.post("/api/contacts", this.team.agent().token(),
				Map.of("name", "Cara", "email", "cara-" + UUID.randomUUID() + "@example.com"));
		assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
		Reply opened = this.api.post("/api/conversations", this.team.agent().token(),
				Map.of("contactId", contact.data().get("id").stringValue()));
		assertThat(opened.status()).as(opened.raw()).isEqualTo(201);

		List<JsonNode> staff = awaitStaffLines(opened.data().get("id").stringValue(), 1);

		assertContents(items(staff), "Test agent assigned this conversation to themselves (opened by the agent)");
	}

	@Test
	void aRedeliveredEventStoresOneMessage() {
		String id = this.api.startConversation(this.team);
		ConversationStatusChanged changed = new ConversationStatusChanged(UUID.randomUUID(),
				ConversationId.parse(id).orElseThrow(), WorkspaceId.DEFAULT, ConversationStatus.OPEN,
				ConversationStatus.PENDING, UserId.parse(this.team.admin().id()).orElseThrow());

		publishInATransaction(changed);
		publishInATransaction(changed);

		// a first attempt that meets a busy writer (the suite's previous class may have
		// filled it) is run again by EventRetry within its interval (a minute)
		Eventually.until("both publications are finished", Duration.ofSeconds(90),
				() -> this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
					.param("%" + changed.id() + "%")
					.query(Long.class)
					.single() == 0);
		List<JsonNode> staff = awaitStaffLines(id, 1);
		assertContents(items(staff), "Test admin changed the status from open to pending");
		assertThat(staff.get(0).get("clientMessageId").stringValue()).isEqualTo("system:status:" + changed.id());
	}

	private void publishInATransaction(Object event) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	/** Waits until the staff see this many system messages, and returns every message. */
	private List<JsonNode> awaitStaffLines(String id, int count) {
		return Eventually.until(count + " system messages", () -> messages(id, this.team.admin().token()),
				(messages) -> messages.stream()
					.filter((message) -> message.get("type").stringValue().equals("system"))
					.count() == count);
	}

	private List<JsonNode> messages(String id, String token) {
		Reply reply = this.api.get("/api/conversations/" + id + "/messages", token);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		List<JsonNode> messages = new ArrayList<>();
		reply.data().get("items").forEach(messages::add);
		return messages;
	}

	private void post(String id, String token, String content) {
		Reply reply = this.api.post("/api/conversations/" + id + "/messages", token, Map.of("content", content));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
	}

	private void patch(String id, String token, String status) {
		Reply reply = this.api.send("PATCH", "/api/conversations/" + id, token, "application/json",
				Api.JSON.writeValueAsString(Map.of("status", status)));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
	}

	private static void join(Socket socket, Map<String, ?> data) {
		socket.send("JOIN_CONVERSATION", data);
		socket.expect("JOINED_CONVERSATION");
	}

	private static JsonNode items(List<JsonNode> messages) {
		return Api.JSON.valueToTree(messages);
	}

	private static String position(JsonNode message) {
		long sequence = message.get("sequence").asLong();
		return message.has("note") ? sequence + "." + message.get("note").asLong() : String.valueOf(sequence);
	}

}

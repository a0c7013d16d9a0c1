package io.parley.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.parley.conversation.JsonNodes.types;
import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class ConversationMessagesIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
	}

	@Test
	void participantsPostMessagesThatReachTheRoom() {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("chat:join", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");

			Reply posted = post(this.team.candidate().token(), Map.of("content", "Hello from the REST API"));

			assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
			assertThat(posted.data().get("sequence").asLong()).isEqualTo(1);
			assertThat(posted.data().get("type").stringValue()).isEqualTo("text");
			assertThat(posted.data().get("senderRole").stringValue()).isEqualTo("candidate");
			assertThat(posted.data().get("editedAt").isNull()).isTrue();
			JsonNode frame = agent.expect("NEW_MESSAGE");
			assertThat(frame.get("content").stringValue()).isEqualTo("Hello from the REST API");
			assertThat(frame.get("type").stringValue()).isEqualTo("text");
		}
		assertThat(post(this.team.supervisor().token(), Map.of("content", "not my conversation")).error())
			.isEqualTo("Forbidden, insufficient permissions");
		assertThat(post(this.team.candidate().token(), Map.of("content", " ")).error())
			.isEqualTo("Invalid request schema");
		assertThat(post(this.team.candidate().token(), Map.of("content", "x", "type", "bot")).error())
			.isEqualTo("Invalid request schema");
		assertThat(types(messages(this.team.agent().token(), ""))).containsExactly("system", "text");
	}

	@Test
	void internalNotesNeverReachTheCustomer() {
		try (Socket candidate = Socket.connect(this.port, this.team.candidate().token());
				Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			candidate.expect("JOINED_CONVERSATION");
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");

			Reply note = post(this.team.supervisor().token(),
					Map.of("content", "Customer is on the premium plan", "type", "note"));

			assertThat(note.status()).as(note.raw()).isEqualTo(201);
			assertThat(agent.expect("NEW_MESSAGE").get("type").stringValue()).isEqualTo("note");
			candidate.expectSilence(Duration.ofMillis(300));
		}
		assertThat(post(this.team.candidate().token(), Map.of("content", "sneaky", "type", "note")).status())
			.isEqualTo(403);
		assertThat(types(messages(this.team.agent().token(), ""))).containsExactly("system", "note");
		assertThat(messages(this.team.candidate().token(), "")).isEmpty();
		assertThat(
				this.api.get("/conversations/" + this.id, this.team.candidate().token()).data().get("messages").size())
			.isZero();
		assertThat(
				this.api.get("/api/conversations?q=premium", this.team.candidate().token()).data().get("items").size())
			.isZero();
	}

	@Test
	void aCustomerWhoBecomesStaffStillSeesNoNotesOfTheirOwnConversation() {
		Reply promoted = this.api.send("PATCH", "/api/members/" + this.team.candidate().id(), this.team.admin().token(),
				"application/json",
				Api.JSON.writeValueAsString(Map.of("role", "agent", "supervisorId", this.team.supervisor().id())));
		assertThat(promoted.status()).as(promoted.raw()).isEqualTo(200);
		try (Socket former = Socket.connect(this.port, this.team.candidate().token())) {
			former.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			former.expect("JOINED_CONVERSATION");

			assertThat(
					post(this.team.supervisor().token(), Map.of("content", "Refund approved", "type", "note")).status())
				.isEqualTo(201);
			assertThat(post(this.team.agent().token(), Map.of("content", "Hello again")).status()).isEqualTo(201);

			assertThat(former.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("Hello again");
		}
		assertThat(messages(this.team.candidate().token(), "")).hasSize(1);
		assertThat(
				this.api.get("/api/conversations?q=refund", this.team.candidate().token()).data().get("items").size())
			.isZero();
		assertThat(this.api.get("/api/conversations?q=refund", this.team.agent().token()).data().get("items").size())
			.isOne();
	}

	@Test
	void writingNeedsThePermissionToTakePart() {
		Reply role = this.api.post("/api/roles", this.team.admin().token(),
				Map.of("name", "Handler " + this.id, "permissions", List.of("conversations.handle")));
		assertThat(role.status()).as(role.raw()).isEqualTo(201);
		Reply given = this.api.send("PATCH", "/api/members/" + this.team.agent().id(), this.team.admin().token(),
				"application/json",
				Api.JSON.writeValueAsString(Map.of("customRoleId", role.data().get("id").stringValue())));
		assertThat(given.status()).as(given.raw()).isEqualTo(200);

		Reply refused = post(this.team.agent().token(), Map.of("content", "Hello"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(types(messages(this.team.admin().token(), ""))).as("only the assignment's line")
			.containsExactly("system");
	}

	@Test
	void messagesArePagedBackwardsAndForwardsBySequence() {
		for (int i = 1; i <= 7; i++) {
			post(this.team.candidate().token(), Map.of("content", "message " + i));
		}
		String agent = this.team.agent().token();

		JsonNode newest = page(agent, "?limit=3");
		assertThat(sequences(newest)).containsExactly(5L, 6L, 7L);
		JsonNode older = page(agent, "?limit=3&before=" + newest.get("nextCursor").stringValue());
		assertThat(sequences(older)).containsExactly(2L, 3L, 4L);
		JsonNode oldest = page(agent, "?limit=3&before=" + older.get("nextCursor").stringValue());
		assertThat(sequences(oldest)).as("the assignment's line, then the first").containsExactly(0L, 1L);
		assertThat(oldest.get("nextCursor").isNull()).isTrue();
		JsonNode catchingUp = page(agent, "?limit=4&after=2");
		assertThat(sequences(catchingUp)).containsExactly(3L, 4L, 5L, 6L);
		assertThat(sequences(page(agent, "?after=" + catchingUp.get("nextCursor").stringValue()))).containsExactly(7L);
		for (String bad : List.of("?limit=0", "?limit=101", "?after=1&before=5", "?before=abc", "?after=-1")) {
			assertThat(this.api.get(path() + bad, agent).status()).as(bad).isEqualTo(400);
		}
	}

	@Test
	void theSenderEditsTheirMessageAndTheRoomIsTold() {
		long sequence = post(this.team.candidate().token(), Map.of("content", "Helo")).data().get("sequence").asLong();
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");

			Reply edited = edit(this.team.candidate().token(), sequence, "Hello");

			assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
			assertThat(edited.data().get("content").stringValue()).isEqualTo("Hello");
			assertThat(edited.data().get("editedAt").stringValue()).isNotBlank();
			JsonNode frame = agent.expect("MESSAGE_EDITED");
			assertThat(frame.get("sequence").asLong()).isEqualTo(sequence);
			assertThat(frame.get("content").stringValue()).isEqualTo("Hello");
		}
		assertThat(edit(this.team.agent().token(), sequence, "Hijacked").error())
			.isEqualTo("Only the sender can edit a message");
		assertThat(edit(this.team.candidate().token(), 99, "Hello").error()).isEqualTo("Message not found");
		assertThat(edit(this.team.candidate().token(), sequence, "").error()).isEqualTo("Invalid request schema");
		assertThat(messages(this.team.candidate().token(), "").get(0).get("content").stringValue()).isEqualTo("Hello");
	}

	@Test
	void eachParticipantKeepsTheirOwnReadMark() {
		for (int i = 0; i < 3; i++) {
			post(this.team.candidate().token(), Map.of("content", "ping " + i));
		}
		String agent = this.team.agent().token();
		assertThat(unread(agent)).isEqualTo(3);

		Reply partly = read(agent, "{\"sequence\":2}");
		assertThat(partly.data().get("lastReadSequence").asLong()).isEqualTo(2);
		assertThat(unread(agent)).isEqualTo(1);
		assertThat(read(agent, "{}").data().get("lastReadSequence").asLong()).isEqualTo(3);
		assertThat(read(agent, "{\"sequence\":1}").data().get("lastReadSequence").asLong())
			.as("a read mark never moves back")
			.isEqualTo(3);
		assertThat(unread(agent)).isZero();
		assertThat(unread(this.team.candidate().token())).isEqualTo(3);
		assertThat(read(agent, "{\"sequence\":4}").error()).isEqualTo("Invalid request schema");
		JsonNode reads = this.api.get("/api/conversations/" + this.id, agent).data().get("reads");
		assertThat(reads.size()).isEqualTo(1);
		assertThat(reads.get(0).get("readerId").stringValue()).isEqualTo(this.team.agent().id());
	}

	private String path() {
		return "/api/chat/conversations/" + this.id + "/messages";
	}

	private Reply post(String token, Map<String, ?> body) {
		return this.api.post(path(), token, body);
	}

	private Reply edit(String token, long sequence, String content) {
		return this.api.send("PATCH", path() + "/" + sequence, token, "application/json",
				Api.JSON.writeValueAsString(Map.of("content", content)));
	}

	private Reply read(String token, String body) {
		return this.api.send("PUT", "/api/chat/conversations/" + this.id + "/read", token, "application/json", body);
	}

	private long unread(String token) {
		JsonNode items = this.api.get("/api/conversations?q=" + this.team.candidate().email(), token)
			.data()
			.get("items");
		assertThat(items.size()).isEqualTo(1);
		return items.get(0).get("unread").asLong();
	}

	private JsonNode page(String token, String query) {
		Reply reply = this.api.get(path() + query, token);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	private List<JsonNode> messages(String token, String query) {
		List<JsonNode> messages = new ArrayList<>();
		page(token, query).get("items").forEach(messages::add);
		return messages;
	}

	private static List<Long> sequences(JsonNode page) {
		List<Long> sequences = new ArrayList<>();
		page.get("items").forEach((message) -> sequences.add(message.get("sequence").asLong()));
		return sequences;
	}

}

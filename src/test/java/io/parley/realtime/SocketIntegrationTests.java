package io.parley.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class SocketIntegrationTests {

	static final Duration QUIET = Duration.ofMillis(300);

	@LocalServerPort
	int port;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-jwt", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA" })
	void aSocketWithoutAValidTokenIsToldAndClosed(String token) {
		try (Socket socket = Socket.connect(this.port, token.isEmpty() ? null : token)) {
			socket.expectError("Unauthorized or invalid token");
			assertThat(socket.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void theCandidateJoinsTheirOpenConversation() {
		String id = this.api.startConversation(this.team);
		try (Socket candidate = connect(this.team.candidate())) {
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id));

			JsonNode joined = candidate.expect("JOINED_CONVERSATION");
			assertThat(joined.get("conversationId").stringValue()).isEqualTo(id);
			assertThat(joined.get("status").stringValue()).isEqualTo("open");
		}
	}

	@Test
	void theAssignedAgentsJoinMarksTheConversationAssigned() {
		String id = this.api.assignedConversation(this.team);
		try (Socket agent = connect(this.team.agent())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));

			assertThat(agent.expect("JOINED_CONVERSATION").get("status").stringValue()).isEqualTo("assigned");
			assertThat(status(id)).isEqualTo("assigned");
		}
	}

	@Test
	void strangersCannotJoin() {
		String id = this.api.assignedConversation(this.team);
		Team others = this.api.team();
		for (TestUser stranger : new TestUser[] { others.candidate(), others.agent() }) {
			try (Socket socket = connect(stranger)) {
				socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
				socket.expectError("Not allowed to access this conversation");
			}
		}
		try (Socket socket = connect(this.team.candidate())) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", UUID.randomUUID().toString()));
			socket.expectError("Not allowed to access this conversation");
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", "c200"));
			socket.expectError("Not allowed to access this conversation");
		}
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void anAgentNotYetAssignedCannotJoin() {
		String id = this.api.startConversation(this.team);
		try (Socket agent = connect(this.team.agent())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			agent.expectError("Not allowed to access this conversation");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "supervisor" })
	void onlyCandidatesAndAgentsTakePartInRooms(String role) {
		String id = this.api.assignedConversation(this.team);
		TestUser user = role.equals("admin") ? this.team.admin() : this.team.supervisor();
		try (Socket socket = connect(user)) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			socket.expectError("Forbidden for this role");
			socket.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hi"));
			socket.expectError("Forbidden for this role");
			socket.send("LEAVE_CONVERSATION", Map.of("conversationId", id));
			socket.expectError("Forbidden for this role");
			socket.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			socket.expectError("Forbidden for this role");
		}
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void aCandidateCannotCloseOverTheSocket() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id)) {
			candidate.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			candidate.expectError("Forbidden for this role");
		}
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void aMessageReachesEveryoneInTheRoomButTheSender() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id);
				Socket agent = joined(this.team.agent(), id);
				Socket agentSecondTab = joined(this.team.agent(), id)) {
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "Hello, I need help"));

			for (Socket receiver : new Socket[] { agent, agentSecondTab }) {
				JsonNode message = receiver.expect("NEW_MESSAGE");
				assertThat(message.get("conversationId").stringValue()).isEqualTo(id);
				assertThat(message.get("senderId").stringValue()).isEqualTo(this.team.candidate().id());
				assertThat(message.get("senderRole").stringValue()).isEqualTo("candidate");
				assertThat(message.get("content").stringValue()).isEqualTo("Hello, I need help");
				assertThat(message.get("createdAt").stringValue())
					.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
				assertThat(message.get("sequence").asLong()).isEqualTo(1);
			}
			candidate.expectSilence(QUIET);

			agent.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "How can I help?"));
			assertThat(candidate.expect("NEW_MESSAGE").get("senderRole").stringValue()).isEqualTo("agent");
			assertThat(agentSecondTab.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("How can I help?");
			agent.expectSilence(QUIET);
		}
		JsonNode messages = this.api.get("/conversations/" + id, this.team.admin().token()).data().get("messages");
		assertThat(messages.size()).isEqualTo(2);
		assertThat(messages.get(0).get("content").stringValue()).isEqualTo("Hello, I need help");
		assertThat(messages.get(1).get("senderId").stringValue()).isEqualTo(this.team.agent().id());
	}

	@Test
	void sendingNeedsAJoinedRoom() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = connect(this.team.candidate())) {
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "anyone?"));
			candidate.expectError("You must join the conversation first");
		}
		assertThat(messageCount(id)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"   \"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":42}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"content\":\"hi %s\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":\"%s\"}", "{\"event\":\"SEND_MESSAGE\"}",
			"{\"event\":\"JOIN_CONVERSATION\",\"data\":{\"conversationId\":7}}" })
	void aFrameWithWrongFieldsIsASchemaErrorAndChangesNothing(String template) {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id)) {
			candidate.sendRaw(template.formatted(id));
			candidate.expectError("Invalid request schema");
			candidate.assertAlive();
		}
		assertThat(messageCount(id)).isZero();
	}

	@Test
	void contentOverTheMaximumIsASchemaError() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id); Socket agent = joined(this.team.agent(), id)) {
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "x".repeat(5001)));
			candidate.expectError("Invalid request schema");
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "y".repeat(5000)));
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).hasSize(5000);
		}
		assertThat(messageCount(id)).isEqualTo(1);
	}

	@Test
	void anOversizedFrameIsRefusedAndTheSocketStaysOpen() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id)) {
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "z".repeat(200_000)));
			candidate.expectError("Invalid request schema");
			candidate.assertAlive();
			assertThat(candidate.isOpen()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[1,2]", "42", "\"JOIN_CONVERSATION\"", "{}", "{\"event\":5}", "{\"data\":{}}",
			"{\"event\":null}", "{\"event\":" })
	void aFrameThatIsNoEventIsAFormatError(String frame) {
		try (Socket candidate = connect(this.team.candidate()); Socket bystander = connect(this.team.agent())) {
			candidate.sendRaw(frame);
			candidate.expectError("Invalid message format");
			candidate.assertAlive();
			bystander.assertAlive();
		}
	}

	@Test
	void anUnknownEventIsReported() {
		try (Socket candidate = connect(this.team.candidate())) {
			candidate.send("DANCE", Map.of());
			candidate.expectError("Unknown event");
			assertThat(candidate.isOpen()).isTrue();
		}
	}

	@Test
	void leavingStopsDeliveryAndRejoiningResumesIt() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id); Socket agent = joined(this.team.agent(), id)) {
			agent.send("LEAVE_CONVERSATION", Map.of("conversationId", id));
			assertThat(agent.expect("LEFT_CONVERSATION").get("conversationId").stringValue()).isEqualTo(id);

			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "still there?"));
			agent.expectSilence(QUIET);
			agent.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "yes"));
			agent.expectError("You must join the conversation first");

			agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			agent.expect("JOINED_CONVERSATION");
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "welcome back"));
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("welcome back");
		}
	}

	@Test
	void aCandidateLeavesToo() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id); Socket agent = joined(this.team.agent(), id)) {
			candidate.send("LEAVE_CONVERSATION", Map.of("conversationId", id));
			assertThat(candidate.expect("LEFT_CONVERSATION").get("conversationId").stringValue()).isEqualTo(id);

			agent.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "are you there?"));
			candidate.expectSilence(QUIET);
			candidate.send("LEAVE_CONVERSATION", Map.of("conversationId", id));
			candidate.expect("LEFT_CONVERSATION");
		}
	}

	@Test
	void aDisconnectedSocketLeavesItsRoomsAndTheUserCanRejoin() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id)) {
			Socket agent = joined(this.team.agent(), id);
			agent.close();
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "are you gone?"));
			candidate.expectSilence(QUIET);

			try (Socket agentAgain = joined(this.team.agent(), id)) {
				candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hello again"));
				assertThat(agentAgain.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hello again");
			}
		}
	}

	@Test
	void reassigningRemovesThePreviousAgentFromTheRoomAtOnce() {
		String id = this.api.assignedConversation(this.team);
		TestUser nextAgent = this.api.signUp("agent", this.team.supervisor());
		try (Socket candidate = joined(this.team.candidate(), id); Socket previous = joined(this.team.agent(), id)) {
			assertThat(this.api
				.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
						Map.of("agentId", nextAgent.id()))
				.status()).isEqualTo(200);

			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "secret for the new agent"));
			previous.expectSilence(QUIET);
			previous.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "I am still here"));
			previous.expectError("You must join the conversation first");
			previous.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			previous.expectError("Not allowed to access this conversation");

			try (Socket next = joined(nextAgent, id)) {
				candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hi new agent"));
				assertThat(next.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("hi new agent");
			}
		}
		assertThat(this.api.get("/conversations/" + id, this.team.agent().token()).status()).isEqualTo(403);
	}

	@Test
	void theAgentClosesTheConversationAndTheRoomIsEmptied() {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id); Socket agent = joined(this.team.agent(), id)) {
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "thanks, solved"));
			agent.expect("NEW_MESSAGE");
			agent.send("CLOSE_CONVERSATION", Map.of("conversationId", id));

			assertThat(candidate.expect("CONVERSATION_CLOSED").get("conversationId").stringValue()).isEqualTo(id);
			agent.expectSilence(QUIET);
			assertThat(status(id)).isEqualTo("closed");

			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "one more thing"));
			candidate.expectError("You must join the conversation first");
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			candidate.expectError("Conversation already closed");
			agent.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			agent.expectError("Conversation already closed");
		}
		JsonNode messages = this.api.get("/conversations/" + id, this.team.candidate().token()).data().get("messages");
		assertThat(messages.size()).isEqualTo(1);
		assertThat(messages.get(0).get("content").stringValue()).isEqualTo("thanks, solved");
	}

	@Test
	void anAgentCannotCloseBeforeJoining() {
		String id = this.api.assignedConversation(this.team);
		try (Socket agent = connect(this.team.agent())) {
			agent.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			agent.expectError("Conversation not yet assigned");
		}
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void onlyTheAssignedAgentCloses() {
		String id = this.api.assignedConversation(this.team);
		TestUser otherAgent = this.api.signUp("agent", this.team.supervisor());
		try (Socket agent = joined(this.team.agent(), id); Socket other = connect(otherAgent)) {
			other.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			other.expectError("Not allowed to access this conversation");
			other.send("CLOSE_CONVERSATION", Map.of("conversationId", UUID.randomUUID().toString()));
			other.expectError("Not allowed to access this conversation");
		}
		assertThat(status(id)).isEqualTo("assigned");
	}

	@Test
	void closingOverHttpTellsTheRoom() {
		String id = this.api.startConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id)) {
			assertThat(this.api.post("/conversations/" + id + "/close", this.team.supervisor().token(), "{}").status())
				.isEqualTo(200);

			assertThat(candidate.expect("CONVERSATION_CLOSED").get("conversationId").stringValue()).isEqualTo(id);
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "hello?"));
			candidate.expectError("You must join the conversation first");
		}
	}

	@Test
	void aBinaryFrameIsAFormatError() {
		try (Socket candidate = connect(this.team.candidate())) {
			candidate.sendBinary(new byte[] { 1, 2, 3 });
			candidate.expectError("Invalid message format");
			candidate.assertAlive();
		}
	}

	private Socket connect(TestUser user) {
		return Socket.connect(this.port, user.token());
	}

	private Socket joined(TestUser user, String conversationId) {
		Socket socket = connect(user);
		socket.send("JOIN_CONVERSATION", Map.of("conversationId", conversationId));
		socket.expect("JOINED_CONVERSATION");
		return socket;
	}

	private String status(String id) {
		return this.api.get("/conversations/" + id, this.team.admin().token()).data().get("status").stringValue();
	}

	private int messageCount(String id) {
		return this.api.get("/conversations/" + id, this.team.admin().token()).data().get("messages").size();
	}

}

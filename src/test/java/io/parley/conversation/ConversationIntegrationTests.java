package io.parley.conversation;

import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class ConversationIntegrationTests {

	static final String FORBIDDEN = "Forbidden, insufficient permissions";

	@LocalServerPort
	int port;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@Test
	void aCandidateStartsAnOpenConversationWithASupervisor() {
		Reply reply = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.data().get("_id").stringValue()).isNotBlank();
		assertThat(reply.data().get("status").stringValue()).isEqualTo("open");
		assertThat(reply.data().get("supervisorId").stringValue()).isEqualTo(this.team.supervisor().id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "supervisor", "agent" })
	void onlyCandidatesStartConversations(String role) {
		Reply reply = this.api.post("/conversations", user(role).token(),
				Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo(FORBIDDEN);
	}

	@Test
	void theRoleIsCheckedBeforeTheBody() {
		Reply reply = this.api.post("/conversations", this.team.agent().token(), "{not json");

		assertThat(reply.status()).isEqualTo(403);
	}

	@Test
	void startingNeedsAToken() {
		Reply reply = this.api.post("/conversations", null, Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("Unauthorized, token missing or invalid");
	}

	@Test
	void aCandidateHasOneActiveConversationAtATime() {
		this.api.startConversation(this.team);
		Reply second = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.error()).isEqualTo("Candidate already has an active conversation");
	}

	@Test
	void anAssignedConversationIsStillActive() {
		this.api.assignedConversation(this.team);
		Reply second = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(second.status()).isEqualTo(409);
	}

	@Test
	void aClosedConversationMakesRoomForANewOne() {
		String first = this.api.startConversation(this.team);
		assertThat(this.api.post("/conversations/" + first + "/close", this.team.supervisor().token(), "{}").status())
			.isEqualTo(200);

		Reply second = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.supervisor().id()));

		assertThat(second.status()).isEqualTo(201);
	}

	@Test
	void theSupervisorMustExistAndBeASupervisor() {
		Reply unknown = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", UUID.randomUUID().toString()));
		Reply notSupervisor = this.api.post("/conversations", this.team.candidate().token(),
				Map.of("supervisorId", this.team.agent().id()));

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("Supervisor not found");
		assertThat(notSupervisor.status()).isEqualTo(404);
		assertThat(notSupervisor.error()).isEqualTo("Supervisor not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"supervisorId\":\"\"}", "{\"supervisorId\":42}", "[]", "{" })
	void aMalformedStartIsASchemaError(String body) {
		Reply reply = this.api.post("/conversations", this.team.candidate().token(), body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
	}

	@Test
	void aSupervisorAssignsTheirAgentAndTheConversationStaysOpen() {
		String id = this.api.startConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", this.team.agent().id()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data().get("conversationId").stringValue()).isEqualTo(id);
		assertThat(reply.data().get("agentId").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(reply.data().get("supervisorId").stringValue()).isEqualTo(this.team.supervisor().id());
		assertThat(conversation(id, this.team.admin()).get("status").stringValue()).isEqualTo("open");
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "agent", "candidate" })
	void onlySupervisorsAssign(String role) {
		String id = this.api.startConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/assign", user(role).token(),
				Map.of("agentId", this.team.agent().id()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo(FORBIDDEN);
	}

	@Test
	void aSupervisorCannotAssignAnotherSupervisorsAgent() {
		String id = this.api.startConversation(this.team);
		TestUser foreignAgent = this.api.signUp("agent", this.api.signUp("supervisor"));
		Reply reply = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", foreignAgent.id()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("Agent doesn’t belong to you");
	}

	@Test
	void aSupervisorCannotAssignAnotherSupervisorsConversation() {
		String id = this.api.startConversation(this.team);
		TestUser otherSupervisor = this.api.signUp("supervisor");
		TestUser theirAgent = this.api.signUp("agent", otherSupervisor);
		Reply reply = this.api.post("/conversations/" + id + "/assign", otherSupervisor.token(),
				Map.of("agentId", theirAgent.id()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo(FORBIDDEN);
	}

	@Test
	void assigningNeedsAnExistingAgentAndConversation() {
		String id = this.api.startConversation(this.team);
		Reply noAgent = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", UUID.randomUUID().toString()));
		Reply notAnAgent = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", this.team.candidate().id()));
		Reply noConversation = this.api.post("/conversations/" + UUID.randomUUID() + "/assign",
				this.team.supervisor().token(), Map.of("agentId", this.team.agent().id()));
		Reply malformedId = this.api.post("/conversations/c200/assign", this.team.supervisor().token(),
				Map.of("agentId", this.team.agent().id()));

		assertThat(noAgent.status()).isEqualTo(404);
		assertThat(noAgent.error()).isEqualTo("Agent not found");
		assertThat(notAnAgent.status()).isEqualTo(404);
		assertThat(notAnAgent.error()).isEqualTo("Agent not found");
		assertThat(noConversation.status()).isEqualTo(404);
		assertThat(noConversation.error()).isEqualTo("Conversation not found");
		assertThat(malformedId.status()).isEqualTo(404);
		assertThat(malformedId.error()).isEqualTo("Conversation not found");
	}

	@Test
	void aMalformedAssignIsASchemaError() {
		String id = this.api.startConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(), "{}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
	}

	@Test
	void aConversationCanBeReassignedToAnotherOfTheSupervisorsAgents() {
		String id = this.api.assignedConversation(this.team);
		TestUser second = this.api.signUp("agent", this.team.supervisor());
		Reply reply = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", second.id()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(conversation(id, second).get("agentId").stringValue()).isEqualTo(second.id());
		assertThat(this.api.get("/conversations/" + id, this.team.agent().token()).status()).isEqualTo(403);
	}

	@Test
	void aClosedConversationCannotBeAssigned() {
		String id = this.api.startConversation(this.team);
		this.api.post("/conversations/" + id + "/close", this.team.admin().token(), "{}");
		Reply reply = this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", this.team.agent().id()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Conversation already closed");
	}

	@Test
	void everyoneInvolvedAndAdminsCanReadAConversation() {
		String id = this.api.assignedConversation(this.team);

		for (TestUser reader : new TestUser[] { this.team.admin(), this.team.supervisor(), this.team.agent(),
				this.team.candidate() }) {
			Reply reply = this.api.get("/conversations/" + id, reader.token());
			assertThat(reply.status()).as(reader.role()).isEqualTo(200);
			assertThat(reply.data().get("_id").stringValue()).isEqualTo(id);
			assertThat(reply.data().get("status").stringValue()).isEqualTo("open");
			assertThat(reply.data().get("agentId").stringValue()).isEqualTo(this.team.agent().id());
			assertThat(reply.data().get("supervisorId").stringValue()).isEqualTo(this.team.supervisor().id());
			assertThat(reply.data().get("candidateId").stringValue()).isEqualTo(this.team.candidate().id());
			assertThat(reply.data().get("messages").isArray()).isTrue();
			assertThat(reply.data().get("messages").size()).isZero();
		}
	}

	@Test
	void anUnassignedConversationShowsNoAgent() {
		String id = this.api.startConversation(this.team);

		assertThat(conversation(id, this.team.candidate()).get("agentId").isNull()).isTrue();
	}

	@Test
	void outsidersCannotReadAConversation() {
		String id = this.api.assignedConversation(this.team);
		Team others = this.api.team();

		for (TestUser outsider : new TestUser[] { others.supervisor(), others.agent(), others.candidate() }) {
			Reply reply = this.api.get("/conversations/" + id, outsider.token());
			assertThat(reply.status()).as(outsider.role()).isEqualTo(403);
			assertThat(reply.error()).isEqualTo(FORBIDDEN);
		}
		Reply missing = this.api.get("/conversations/" + UUID.randomUUID(), this.team.admin().token());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.error()).isEqualTo("Conversation not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "supervisor" })
	void anAdminOrTheSupervisorClosesAnOpenConversation(String role) {
		String id = this.api.assignedConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/close", user(role).token(), "{}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data().get("conversationId").stringValue()).isEqualTo(id);
		assertThat(reply.data().get("status").stringValue()).isEqualTo("closed");
		assertThat(conversation(id, this.team.admin()).get("status").stringValue()).isEqualTo("closed");
	}

	@Test
	void closeAcceptsNoBodyAtAll() {
		String id = this.api.startConversation(this.team);
		Reply reply = this.api.send("POST", "/conversations/" + id + "/close", this.team.admin().token(), null, null);

		assertThat(reply.status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "agent", "candidate" })
	void agentsAndCandidatesCannotCloseOverHttp(String role) {
		String id = this.api.assignedConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/close", user(role).token(), "{}");

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo(FORBIDDEN);
		assertThat(conversation(id, this.team.admin()).get("status").stringValue()).isEqualTo("open");
	}

	@Test
	void aSupervisorClosesOnlyTheirOwnConversations() {
		String id = this.api.startConversation(this.team);
		Reply reply = this.api.post("/conversations/" + id + "/close", this.api.signUp("supervisor").token(), "{}");

		assertThat(reply.status()).isEqualTo(403);
		assertThat(conversation(id, this.team.admin()).get("status").stringValue()).isEqualTo("open");
	}

	@Test
	void closingTwiceIsABadRequest() {
		String id = this.api.startConversation(this.team);
		this.api.post("/conversations/" + id + "/close", this.team.admin().token(), "{}");
		Reply reply = this.api.post("/conversations/" + id + "/close", this.team.admin().token(), "{}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Conversation already closed");
	}

	@Test
	void closingAMissingConversationIsNotFound() {
		Reply reply = this.api.post("/conversations/" + UUID.randomUUID() + "/close", this.team.admin().token(), "{}");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("Conversation not found");
	}

	private TestUser user(String role) {
		return switch (role) {
			case "admin" -> this.team.admin();
			case "supervisor" -> this.team.supervisor();
			case "agent" -> this.team.agent();
			default -> this.team.candidate();
		};
	}

	private tools.jackson.databind.JsonNode conversation(String id, TestUser reader) {
		Reply reply = this.api.get("/conversations/" + id, reader.token());
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

}

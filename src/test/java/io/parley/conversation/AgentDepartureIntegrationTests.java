package io.parley.conversation;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent who is deactivated, removed or given a role that handles no conversations
 * gives back the conversations assigned to them.
 */
@ParleyIntegrationTest
class AgentDepartureIntegrationTests {

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
	void aDeactivatedAgentsConversationGoesBackToTheTeam() {
		String id = this.api.assignedConversation(this.team);
		join(id);
		assertThat(conversation(id).get("status").stringValue()).isEqualTo("assigned");

		try (Socket supervisor = Socket.connect(this.port, this.team.supervisor().token())) {
			supervisor.send("SUBSCRIBE_INBOX", Map.of());
			supervisor.expect("INBOX_SUBSCRIBED");

			memberAction("/deactivate");

			JsonNode updated = supervisor.expect("CONVERSATION_UPDATED");
			assertThat(updated.get("conversationId").stringValue()).isEqualTo(id);
			assertThat(updated.get("agentId").isNull()).isTrue();
			assertThat(updated.get("status").stringValue()).isEqualTo("open");
		}
		JsonNode conversation = conversation(id);
		assertThat(conversation.get("agentId").isNull()).isTrue();
		assertThat(conversation.get("status").stringValue()).isEqualTo("open");
		JsonNode history = conversation.get("assignments");
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(1).get("agentId").isNull()).isTrue();
		assertThat(history.get(1).get("assignedBy").stringValue()).isEqualTo(this.team.admin().id());
		assertThat(history.get(1).get("reason").stringValue()).isEqualTo("agent deactivated");

		String other = this.api.signUp("agent", this.team.supervisor()).id();
		Reply reassigned = this.api.post("/api/conversations/" + id + "/assign", this.team.supervisor().token(),
				Map.of("agentId", other));
		assertThat(reassigned.status()).as(reassigned.raw()).isEqualTo(200);
		assertThat(reassigned.data().get("agentId").stringValue()).isEqualTo(other);
	}

	@Test
	void aRemovedAgentsConversationKeepsItsStatusButNoAgent() {
		String id = this.api.assignedConversation(this.team);
		join(id);
		Reply parked = this.api.send("PATCH", "/api/conversations/" + id, this.team.agent().token(), "application/json",
				"{\"status\": \"pending\"}");
		assertThat(parked.status()).as(parked.raw()).isEqualTo(200);

		Reply removed = this.api.send("DELETE", "/api/members/" + this.team.agent().id(), this.team.admin().token(),
				null, null);

		assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
		JsonNode conversation = conversation(id);
		assertThat(conversation.get("agentId").isNull()).isTrue();
		assertThat(conversation.get("status").stringValue()).isEqualTo("pending");
		assertThat(lastAssignment(conversation).get("reason").stringValue())
			.isEqualTo("agent removed from the workspace");
	}

	@Test
	void aRoleWithoutConversationsTakesThemAwayAndOneWithThemDoesNot() {
		String id = this.api.assignedConversation(this.team);
		Reply custom = this.api.post("/api/roles", this.team.admin().token(),
				Map.of("name", "Helper " + id, "permissions", List.of("conversations.handle")));
		assertThat(custom.status()).as(custom.raw()).isEqualTo(201);

		changeRole(Map.of("customRoleId", custom.data().get("id").stringValue()));
		assertThat(conversation(id).get("agentId").stringValue()).isEqualTo(this.team.agent().id());

		changeRole(Map.of("role", "supervisor"));
		JsonNode conversation = conversation(id);
		assertThat(conversation.get("agentId").isNull()).isTrue();
		assertThat(conversation.get("status").stringValue()).isEqualTo("open");
		assertThat(lastAssignment(conversation).get("reason").stringValue())
			.isEqualTo("agent's role no longer handles conversations");
	}

	@Test
	void aClosedConversationKeepsTheAgentWhoHandledIt() {
		String id = this.api.assignedConversation(this.team);
		join(id);
		Reply closed = this.api.send("PATCH", "/api/conversations/" + id, this.team.agent().token(), "application/json",
				"{\"status\": \"closed\"}");
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

		memberAction("/deactivate");

		JsonNode conversation = conversation(id);
		assertThat(conversation.get("agentId").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(conversation.get("status").stringValue()).isEqualTo("closed");
		assertThat(conversation.get("assignments").size()).isEqualTo(1);
	}

	private void join(String id) {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			agent.expect("JOINED_CONVERSATION");
		}
	}

	private void memberAction(String action) {
		Reply reply = this.api.send("POST", "/api/members/" + this.team.agent().id() + action,
				this.team.admin().token(), null, null);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
	}

	private void changeRole(Map<String, String> change) {
		Reply reply = this.api.send("PATCH", "/api/members/" + this.team.agent().id(), this.team.admin().token(),
				"application/json", Api.JSON.writeValueAsString(change));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
	}

	private JsonNode conversation(String id) {
		Reply reply = this.api.get("/api/conversations/" + id, this.team.admin().token());
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	private static JsonNode lastAssignment(JsonNode conversation) {
		JsonNode history = conversation.get("assignments");
		return history.get(history.size() - 1);
	}

}

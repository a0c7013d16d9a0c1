package io.parley.realtime;

import java.time.Duration;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class StaffFeedIntegrationTests {

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

	@Test
	void subscribedStaffSeeNewAndChangedConversationsTheyMaySee() {
		Team otherTeam = this.api.team();
		try (Socket supervisor = subscribed(this.team.supervisor().token());
				Socket admin = subscribed(this.team.admin().token());
				Socket otherSupervisor = subscribed(otherTeam.supervisor().token());
				Socket agent = subscribed(this.team.agent().token())) {
			String id = this.api.startConversation(this.team);

			JsonNode created = supervisor.expect("CONVERSATION_CREATED");
			assertThat(created.get("conversationId").stringValue()).isEqualTo(id);
			assertThat(created.get("status").stringValue()).isEqualTo("open");
			assertThat(admin.expect("CONVERSATION_CREATED").get("conversationId").stringValue()).isEqualTo(id);

			this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
					Map.of("agentId", this.team.agent().id()));

			JsonNode assigned = agent.expect("CONVERSATION_UPDATED");
			assertThat(assigned.get("agentId").stringValue()).isEqualTo(this.team.agent().id());
			assertThat(supervisor.expect("CONVERSATION_UPDATED").get("agentId").stringValue())
				.isEqualTo(this.team.agent().id());

			this.api.send("PATCH", "/api/conversations/" + id, this.team.admin().token(), "application/json",
					"{\"priority\":\"urgent\"}");

			assertThat(agent.expect("CONVERSATION_UPDATED").get("priority").stringValue()).isEqualTo("urgent");
			assertThat(admin.expect("CONVERSATION_UPDATED").get("conversationId").stringValue()).isEqualTo(id);
			otherSupervisor.expectSilence(QUIET);
		}
	}

	@Test
	void theCustomerWritingAgainReopensAResolvedConversationInTheInboxes() {
		String id = this.api.assignedConversation(this.team);
		this.api.send("PATCH", "/api/conversations/" + id, this.team.agent().token(), "application/json",
				"{\"status\":\"resolved\"}");
		try (Socket agent = subscribed(this.team.agent().token())) {
			Api.Reply posted = this.api.post("/api/conversations/" + id + "/messages", this.team.candidate().token(),
					Map.of("content", "It broke again"));
			assertThat(posted.status()).as(posted.raw()).isEqualTo(201);

			JsonNode reopened = agent.expect("CONVERSATION_UPDATED");
			assertThat(reopened.get("conversationId").stringValue()).isEqualTo(id);
			assertThat(reopened.get("status").stringValue()).isEqualTo("assigned");

			this.api.post("/api/conversations/" + id + "/messages", this.team.candidate().token(),
					Map.of("content", "Still there?"));
			agent.expectSilence(QUIET);
		}
	}

	@Test
	void onlyTheStaffMaySubscribeAndUnsubscribedSocketsStayQuiet() {
		try (Socket candidate = Socket.connect(this.port, this.team.candidate().token());
				Socket quiet = Socket.connect(this.port, this.team.admin().token())) {
			candidate.send("SUBSCRIBE_INBOX", Map.of());
			candidate.expectError("Forbidden for this role");

			this.api.startConversation(this.team);

			candidate.expectSilence(QUIET);
			quiet.expectSilence(QUIET);
		}
	}

	@Test
	void anotherWorkspaceHearsNothing() {
		String owner = this.api.post("/api/workspaces", this.team.admin().token(), Map.of("name", "Elsewhere"))
			.data()
			.get("token")
			.stringValue();
		try (Socket elsewhere = subscribed(owner)) {
			this.api.startConversation(this.team);

			elsewhere.expectSilence(QUIET);
		}
	}

	private Socket subscribed(String token) {
		Socket socket = Socket.connect(this.port, token);
		socket.send("SUBSCRIBE_INBOX", Map.of());
		assertThat(socket.expect("INBOX_SUBSCRIBED").get("workspaceId").stringValue()).isNotBlank();
		return socket;
	}

}

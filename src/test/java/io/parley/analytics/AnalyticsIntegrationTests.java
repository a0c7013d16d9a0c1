package io.parley.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
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
class AnalyticsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void countsAgentsAndTheConversationsTheyClosedPerSupervisor() {
		Team team = this.api.team();
		TestUser secondAgent = this.api.signUp("agent", team.supervisor());
		this.api.signUp("agent", team.supervisor());
		TestUser idleSupervisor = this.api.signUp("supervisor");

		closeByAgent(team, team.agent());
		closeByAgent(team, secondAgent);
		closeOverHttp(team, team.agent());
		openAndAssign(team, secondAgent);

		JsonNode mine = row(team.supervisor());
		assertThat(mine.get("supervisorName").stringValue()).isEqualTo("Test supervisor");
		assertThat(mine.get("agents").asLong()).isEqualTo(3);
		assertThat(mine.get("conversationsHandled").asLong()).isEqualTo(3);
		JsonNode idle = row(idleSupervisor);
		assertThat(idle.get("agents").asLong()).isZero();
		assertThat(idle.get("conversationsHandled").asLong()).isZero();
	}

	@Test
	void membersCountByWhatTheirRoleAllowsNotByItsName() {
		TestUser admin = this.api.signUp("admin");
		String lead = createRole(admin, "Team lead",
				List.of("conversations.assign", "conversations.close", "workspace.view"));
		String helper = createRole(admin, "Helper",
				List.of("conversations.handle", "conversations.take_part", "workspace.view"));
		String lookalike = createRole(admin, "Supervisor in name only", List.of("workspace.view"));
		TestUser teamLead = giveRole(admin, this.api.signUp("candidate"), Map.of("customRoleId", lead));
		TestUser helping = giveRole(admin, this.api.signUp("candidate"),
				Map.of("customRoleId", helper, "supervisorId", teamLead.id()));
		this.api.signUp("agent", teamLead);
		TestUser nameOnly = giveRole(admin, this.api.signUp("candidate"), Map.of("customRoleId", lookalike));

		closeOverHttp(new Team(admin, teamLead, helping, null), helping);

		JsonNode row = row(teamLead);
		assertThat(row.get("agents").asLong()).as("a custom role's agent and a built-in agent").isEqualTo(2);
		assertThat(row.get("conversationsHandled").asLong()).isEqualTo(1);
		assertThat(rows()).noneMatch((other) -> other.get("supervisorId").stringValue().equals(nameOnly.id()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "supervisor", "agent", "candidate" })
	void onlyAdminsSeeAnalytics(String role) {
		TestUser user = role.equals("agent") ? this.api.signUp("agent", this.api.signUp("supervisor"))
				: this.api.signUp(role);
		Reply reply = this.api.get("/admin/analytics", user.token());

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(this.api.get("/admin/analytics", null).status()).isEqualTo(401);
	}

	private JsonNode rows() {
		Reply reply = this.api.get("/admin/analytics", this.api.signUp("admin").token());
		assertThat(reply.status()).isEqualTo(200);
		return reply.data();
	}

	private JsonNode row(TestUser supervisor) {
		for (JsonNode row : rows()) {
			if (row.get("supervisorId").stringValue().equals(supervisor.id())) {
				assertThat(row.size()).isEqualTo(4);
				return row;
			}
		}
		throw new AssertionError("No analytics row for supervisor " + supervisor.id());
	}

	private String createRole(TestUser admin, String name, List<String> permissions) {
		Reply reply = this.api.post("/api/roles", admin.token(),
				Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 8), "permissions", permissions));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("id").stringValue();
	}

	private TestUser giveRole(TestUser admin, TestUser member, Map<String, String> change) {
		Reply reply = this.api.send("PATCH", "/api/members/" + member.id(), admin.token(), "application/json",
				Api.JSON.writeValueAsString(change));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return member;
	}

	private String openAndAssign(Team team, TestUser agent) {
		TestUser candidate = this.api.signUp("candidate");
		String id = this.api.post("/conversations", candidate.token(), Map.of("supervisorId", team.supervisor().id()))
			.data()
			.get("_id")
			.stringValue();
		this.api.post("/conversations/" + id + "/assign", team.supervisor().token(), Map.of("agentId", agent.id()));
		return id;
	}

	private void closeByAgent(Team team, TestUser agent) {
		String id = openAndAssign(team, agent);
		try (Socket socket = Socket.connect(this.port, agent.token())) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			socket.expect("JOINED_CONVERSATION");
			socket.send("CLOSE_CONVERSATION", Map.of("conversationId", id));
			socket.expectSilence(Duration.ofMillis(200));
		}
		assertThat(this.api.get("/conversations/" + id, team.supervisor().token()).data().get("status").stringValue())
			.isEqualTo("closed");
	}

	private void closeOverHttp(Team team, TestUser agent) {
		String id = openAndAssign(team, agent);
		assertThat(this.api.post("/conversations/" + id + "/close", team.supervisor().token(), "{}").status())
			.isEqualTo(200);
	}

}

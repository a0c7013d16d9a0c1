package io.parley.realtime;

import java.time.Duration;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class MembershipSocketsIntegrationTests {

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
	void aDeactivatedMemberLosesTheirSocketsAtOnce() {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token());
				Socket colleague = Socket.connect(this.port, this.team.supervisor().token())) {
			Reply deactivated = this.api.post("/api/members/" + this.team.agent().id() + "/deactivate",
					this.team.admin().token(), Map.of());
			assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);

			assertThat(agent.awaitClose()).isEqualTo(1008);
			colleague.assertAlive();
		}
		try (Socket again = Socket.connect(this.port, this.team.agent().token())) {
			again.expectError("Unauthorized or invalid token");
			assertThat(again.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void aMemberGivenAnotherRoleReconnectsWithIt() {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("SUBSCRIBE_INBOX", Map.of());
			agent.expect("INBOX_SUBSCRIBED");

			this.api.send("PATCH", "/api/members/" + this.team.agent().id(), this.team.admin().token(),
					"application/json", "{\"role\":\"candidate\"}");

			assertThat(agent.awaitClose()).isEqualTo(1008);
		}
		try (Socket candidate = Socket.connect(this.port, this.team.agent().token())) {
			candidate.send("SUBSCRIBE_INBOX", Map.of());
			candidate.expectError("Forbidden for this role");
		}
	}

	@Test
	void anAgentIsOfflineOnceTheirLastSocketCloses() throws Exception {
		String agent = this.team.agent().token();
		Reply online = this.api.send("PUT", "/api/members/me/availability", agent, "application/json",
				"{\"availability\":\"online\"}");
		assertThat(online.status()).as(online.raw()).isEqualTo(200);
		Socket second = Socket.connect(this.port, agent);
		try (Socket first = Socket.connect(this.port, agent)) {
			first.send("SUBSCRIBE_INBOX", Map.of());
			first.expect("INBOX_SUBSCRIBED");
			second.send("SUBSCRIBE_INBOX", Map.of());
			second.expect("INBOX_SUBSCRIBED");
		}
		// the server sees the first close a moment later, and nothing tells when: watch a
		// while
		Eventually.holdsFor("the agent online while one socket is open", Duration.ofMillis(300),
				() -> availability().equals("online"));

		second.close();

		Eventually.until("the agent is offline", () -> availability().equals("offline"));
	}

	private String availability() {
		return this.api.get("/api/members/" + this.team.agent().id(), this.team.admin().token())
			.data()
			.get("availability")
			.stringValue();
	}

}

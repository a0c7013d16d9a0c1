package io.parley.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.Socket;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Browsers open the socket with a short-lived single-use ticket rather than their access
 * token in the URL (decision 48).
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class SocketTicketIntegrationTests {

	private static final String UNAUTHORIZED = "Unauthorized or invalid token";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Value("${parley.ws.ticket-lifetime}")
	Duration lifetime;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aTicketOpensTheSocketOfItsUserOnce() {
		String id = this.api.startConversation(this.team);
		Reply issued = this.api.post("/api/socket-tickets", this.team.candidate().token(), Map.of());

		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		assertThat(issued.data().size()).isEqualTo(2);
		assertThat(Instant.parse(issued.data().get("expiresAt").stringValue()))
			.isCloseTo(this.clock.instant().plus(this.lifetime), within(Duration.ofSeconds(5)));
		String ticket = issued.data().get("ticket").stringValue();
		assertThat(ticket).hasSizeGreaterThanOrEqualTo(40).doesNotContain(this.team.candidate().token());
		try (Socket socket = Socket.connectWithTicket(this.port, ticket)) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			assertThat(socket.expect("JOINED_CONVERSATION").get("conversationId").stringValue()).isEqualTo(id);
		}
		try (Socket again = Socket.connectWithTicket(this.port, ticket)) {
			again.expectError(UNAUTHORIZED);
			assertThat(again.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void aTicketExpiresAfterItsLifetime() {
		String early = ticket(this.team.agent().token());
		String late = ticket(this.team.agent().token());

		this.clock.advance(this.lifetime.minusSeconds(1));
		try (Socket socket = Socket.connectWithTicket(this.port, early)) {
			socket.send("SUBSCRIBE_INBOX", Map.of());
			assertThat(socket.expect("INBOX_SUBSCRIBED").get("workspaceId").stringValue()).isNotBlank();
		}
		this.clock.advance(Duration.ofSeconds(2));
		try (Socket socket = Socket.connectWithTicket(this.port, late)) {
			socket.expectError(UNAUTHORIZED);
			assertThat(socket.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void aTicketActsInTheWorkspaceItWasIssuedFor() {
		String id = this.api.assignedConversation(this.team);
		TestWorkspace elsewhere = TestWorkspace.create(this.api);
		String elsewhereToken = elsewhere.admit(this.api, this.team.agent(), Map.of("role", "agent"));

		try (Socket socket = Socket.connectWithTicket(this.port, ticket(elsewhereToken))) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			socket.expectError("Not allowed to access this conversation");
		}
		try (Socket socket = Socket.connectWithTicket(this.port, ticket(this.team.agent().token()))) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			assertThat(socket.expect("JOINED_CONVERSATION").get("status").stringValue()).isEqualTo("assigned");
		}
	}

	@Test
	void theTicketOfAMemberDeactivatedSinceOpensNothing() {
		String ticket = ticket(this.team.agent().token());
		Reply deactivated = this.api.post("/api/members/" + this.team.agent().id() + "/deactivate",
				this.team.admin().token(), Map.of());
		assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);

		try (Socket socket = Socket.connectWithTicket(this.port, ticket)) {
			socket.expectError(UNAUTHORIZED);
			assertThat(socket.awaitClose()).isEqualTo(1008);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "made-up", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "" })
	void anUnknownTicketOpensNothing(String ticket) {
		try (Socket socket = Socket.connectWithTicket(this.port, ticket)) {
			socket.expectError(UNAUTHORIZED);
			assertThat(socket.awaitClose()).isEqualTo(1008);
		}
	}

	@Test
	void onlyACallerWithATokenGetsATicket() {
		Reply anonymous = this.api.post("/api/socket-tickets", null, Map.of());
		Reply forged = this.api.post("/api/socket-tickets", "not-a-token", Map.of());

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.error()).isEqualTo("Unauthorized, token missing or invalid");
		assertThat(forged.status()).isEqualTo(401);
	}

	@Test
	void seed003sTokenInTheUrlStillOpensTheSocket() {
		try (Socket socket = Socket.connectWithQuery(this.port,
				"?lang=en&token=" + this.team.candidate().token() + "&x=1")) {
			socket.send("JOIN_CONVERSATION", Map.of("conversationId", this.api.startConversation(this.team)));
			socket.expect("JOINED_CONVERSATION");
		}
	}

	private String ticket(String token) {
		Reply issued = this.api.post("/api/socket-tickets", token, Map.of());
		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		return issued.data().get("ticket").stringValue();
	}

}

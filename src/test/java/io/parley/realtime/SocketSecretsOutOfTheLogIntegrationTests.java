package io.parley.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.workspace.AccessTokens;
import io.parley.workspace.SocketTickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.doThrow;

/**
 * An exception that escapes the socket's handshake is logged with the request's URI (by
 * Spring's {@code WebSocketHttpRequestHandler}) or the session, which prints its URI (by
 * {@code ExceptionWebSocketHandlerDecorator}): neither may carry the token or ticket it
 * was opened with (decision 48). Each case is forced, and the log read.
 */
@ParleyIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Import(SocketSecretsOutOfTheLogIntegrationTests.FailingHandshake.class)
class SocketSecretsOutOfTheLogIntegrationTests {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	AccessTokens tokens;

	@MockitoSpyBean
	SocketTickets tickets;

	Api api;

	TestUser user;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.user = this.api.signUp("supervisor");
	}

	@Test
	void aTokenWhoseCheckFailsIsNotLogged(CapturedOutput output) {
		doThrow(new IllegalStateException("the database is gone")).when(this.tokens).verify(this.user.token());

		try (Socket socket = Socket.connect(this.port, this.user.token())) {
			assertThat(socket.awaitClose()).isEqualTo(1011);
		}

		assertLoggedWithoutSecret(output, "Closing session due to exception", this.user.token());
	}

	@Test
	void aTicketWhoseCheckFailsIsNotLogged(CapturedOutput output) {
		String ticket = this.api.post("/api/socket-tickets", this.user.token(), Map.of())
			.data()
			.get("ticket")
			.stringValue();
		doThrow(new IllegalStateException("the database is gone")).when(this.tickets).redeem(ticket);

		try (Socket socket = Socket.connectWithTicket(this.port, ticket)) {
			assertThat(socket.awaitClose()).isEqualTo(1011);
		}

		assertLoggedWithoutSecret(output, "Closing session due to exception", ticket);
	}

	@Test
	void aHandshakeThatFailsBeforeTheUpgradeLogsNoToken(CapturedOutput output) {
		Throwable refused = catchThrowable(
				() -> Socket.connectWithQuery(this.port, "?token=" + this.user.token() + "&fail=handshake"));

		assertThat(refused).isNotNull();
		assertLoggedWithoutSecret(output, "Uncaught failure for request", this.user.token());
	}

	@Test
	void aVisitorTicketInAHandshakeThatFailsIsNotLogged(CapturedOutput output) {
		String ticket = "visitor-ticket-" + UUID.randomUUID();
		Throwable refused = catchThrowable(
				() -> Socket.connectWithQuery(this.port, "?visitorTicket=" + ticket + "&fail=handshake"));

		assertThat(refused).isNotNull();
		assertLoggedWithoutSecret(output, "Uncaught failure for request", ticket);
	}

	private static void assertLoggedWithoutSecret(CapturedOutput output, String failure, String secret) {
		Eventually.until("the failure is logged", Duration.ofSeconds(5), () -> output.getAll().contains(failure));
		assertThat(output.getAll()).contains("/ws").doesNotContain(secret);
		// nor a part of it that a log line might have cut
		assertThat(output.getAll()).doesNotContain(secret.substring(secret.length() - 20));
	}

	/** A handshake check that fails when the query asks it to. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingHandshake {

		@Bean
		HandshakeInterceptor failingHandshake() {
			return new HandshakeInterceptor() {

				@Override
				public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
						WebSocketHandler handler, Map<String, Object> attributes) {
					String query = request.getURI().getQuery();
					if (query != null && query.contains("fail=handshake")) {
						throw new IllegalStateException("the handshake check failed");
					}
					return true;
				}

				@Override
				public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
						WebSocketHandler handler, Exception exception) {
				}

			};
		}

	}

}

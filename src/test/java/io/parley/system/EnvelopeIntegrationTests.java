package io.parley.system;

import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP answer, also the ones no controller gives, is in the envelope and leaks no
 * internals.
 */
@ParleyIntegrationTest
class EnvelopeIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anUnknownRouteIsANotFoundEnvelope() {
		Reply reply = this.api.get("/no/such/route", null);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("Route not found");
	}

	@Test
	void aWrongMethodIsAMethodNotAllowedEnvelope() {
		Reply reply = this.api.send("DELETE", "/auth/login", null, null, null);

		assertThat(reply.status()).isEqualTo(405);
		assertThat(reply.error()).isEqualTo("Method not allowed");
	}

	@Test
	void aWrongContentTypeIsAnUnsupportedMediaTypeEnvelope() {
		Reply reply = this.api.send("POST", "/auth/signup", null, "text/plain", "name=a");

		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.error()).isEqualTo("Unsupported media type, send application/json");
	}

	@Test
	void anOversizedBodyIsRefusedUnread() {
		String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
		Reply reply = this.api.post("/auth/signup", null, huge);

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.error()).isEqualTo("Request body too large");
	}

	@Test
	void errorsCarryNoStackTrace() {
		Reply reply = this.api.post("/auth/signup", null, "{\"name\": [1, 2, {\"deep\": ");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("tools.jackson");
	}

	@Test
	void fieldsARouteDoesNotKnowAreIgnored() {
		String email = "tolerant-" + UUID.randomUUID() + "@example.com";
		Reply reply = this.api.post("/auth/signup", null, "{\"name\": \"Ann\", \"email\": \"" + email
				+ "\", \"password\": \"secret123\", \"role\": \"candidate\", \"confirmPassword\": \"secret123\"}");

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		assertThat(reply.data().get("email").stringValue()).isEqualTo(email);
		assertThat(reply.data().has("confirmPassword")).isFalse();
	}

	@Test
	void aPlainRequestToTheSocketEndpointIsAnEnvelope() {
		Reply reply = this.api.get("/ws", null);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Expected a WebSocket upgrade request");
	}

	@Test
	void healthIsUp() {
		Reply reply = this.api.get("/actuator/health", null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").stringValue()).isEqualTo("UP");
	}

}

package io.parley.oidc;

import java.util.Map;

import io.parley.support.AddressedClient;
import io.parley.support.AddressedClient.Response;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in through a provider counts against the log-in limit of its address: the start
 * of the round trip and the exchange alike. The provider is never reached here.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "parley.rate-limit.login=3/1m", "parley.oidc.issuer=http://127.0.0.1:9/nowhere",
		"parley.oidc.client-id=parley-test" })
@DirtiesContext // its own settings: closed after, so its connections are not kept
class OidcRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theStartAndTheExchangeAreLimitedPerAddressWithLogIn() {
		AddressedClient client = AddressedClient.fresh(this.port);
		assertThat(
				client.post("/auth/login", null, Map.of("email", "nobody@example.com", "password", "wrong")).status())
			.isEqualTo(401);
		for (int i = 0; i < 2; i++) {
			Response exchange = client.post("/auth/oidc/exchange", null, Map.of());
			assertThat(exchange.status()).as(exchange.raw()).isEqualTo(401);
		}

		Response exchange = client.post("/auth/oidc/exchange", null, Map.of());
		Response start = client.get("/auth/oidc/oidc", null);
		Response elsewhere = AddressedClient.fresh(this.port).post("/auth/oidc/exchange", null, Map.of());

		for (Response limited : new Response[] { exchange, start }) {
			assertThat(limited.status()).as(limited.raw()).isEqualTo(429);
			assertThat(limited.error()).isEqualTo("Too many requests, try again later");
			assertThat(limited.headers()).containsKey("retry-after");
		}
		assertThat(elsewhere.status()).isEqualTo(401);
		assertThat(elsewhere.error()).isEqualTo("Sign-in code invalid or expired, sign in again");
	}

}

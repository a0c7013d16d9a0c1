package io.parley.oidc;

import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a provider configured nothing of the OIDC sign-in is there: its routes answer
 * 404 in the envelope, as any path nothing serves.
 */
@ParleyIntegrationTest
class OidcUnconfiguredIntegrationTests {

	private static final String NOT_FOUND = "Route not found";

	@LocalServerPort
	int port;

	@Test
	void everyRouteOfTheSignInThroughAProviderIsNotFound() {
		Api api = new Api(this.port);
		TestUser member = api.signUp("supervisor");

		Reply start = api.get("/auth/oidc/google", null);
		Reply callback = api.get("/login/oauth2/code/google?code=abc&state=def", null);
		Reply exchange = api.post("/auth/oidc/exchange", null, Map.of());
		Reply link = api.post("/api/oidc/links/google", member.token(), Map.of());

		for (Reply reply : new Reply[] { start, callback, exchange, link }) {
			assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
			assertThat(reply.error()).isEqualTo(NOT_FOUND);
		}
	}

}

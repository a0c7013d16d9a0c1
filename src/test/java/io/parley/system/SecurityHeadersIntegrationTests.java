package io.parley.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages and API answers alike carry the browser-facing security headers.
 */
@ParleyIntegrationTest
class SecurityHeadersIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/invitation.html", "/invitation.js", "/auth/me", "/api/conversations", "/no-such-page" })
	void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding());
		HttpHeaders headers = response.headers();

		assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		// over plain HTTP a browser ignores HSTS, and it is not sent
		assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
	}

}

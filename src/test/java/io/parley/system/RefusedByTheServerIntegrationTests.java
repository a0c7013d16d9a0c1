package io.parley.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before Spring sees it is answered in the envelope too, not with
 * Tomcat's HTML page.
 */
@ParleyIntegrationTest
class RefusedByTheServerIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/%ZZ", "/api/%C0%AF", "/api/a%00b", "/api/a%2Fb", "/api/a%5Cb", "/api/a|b",
			"/api/{x}", "/api/a\\b" })
	void aPathThatIsNoValidUriIsABadRequestInTheEnvelope(String path) throws IOException {
		String answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 400, "Invalid request schema");
	}

	@Test
	void anOversizedHeaderIsRefusedInTheEnvelope() throws IOException {
		String answer = send("GET /auth/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).doesNotContain("<html").doesNotContain("Apache Tomcat");
		assertThat(answer).contains("{\"success\":false,\"error\":\"Invalid request schema\"}");
	}

	@Test
	void aBadHostIsRefusedInTheEnvelope() throws IOException {
		String answer = send("GET /auth/me HTTP/1.1\r\nHost: bad host:x\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 400, "Invalid request schema");
	}

	private static void assertEnvelope(String answer, int status, String error) {
		assertThat(answer).startsWith("HTTP/1.1 " + status);
		assertThat(answer).containsIgnoringCase("Content-Type: application/json");
		assertThat(answer).doesNotContain("<html").doesNotContain("Apache Tomcat");
		assertThat(answer).contains("{\"success\":false,\"error\":\"" + error + "\"}");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}

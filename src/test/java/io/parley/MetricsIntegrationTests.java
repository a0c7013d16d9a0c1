package io.parley;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator watches, at {@code /actuator/prometheus}. */
@ParleyIntegrationTest
class MetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theWritersAndSocketsAreMeasured() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		assertThat(api
			.post("/api/conversations/" + id + "/messages", team.candidate().token(), Map.of("content", "counted"))
			.status()).isEqualTo(201);

		try (Socket socket = Socket.connect(this.port, team.agent().token())) {
			socket.assertAlive();
			HttpResponse<String> metrics = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("parley_messages_queue{writer=\"0\"}")
				.contains("parley_messages_batch_size_count")
				.contains("parley_messages_batch_commit_seconds_count")
				.contains("parley_ws_outbox_queued")
				.contains("parley_ws_dropped_behind_total")
				.containsPattern("parley_ws_connections [1-9]");
		}
	}

}

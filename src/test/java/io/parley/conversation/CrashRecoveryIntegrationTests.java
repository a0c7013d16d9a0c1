package io.parley.conversation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.parley.ParleyApplication;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Conversations;
import io.parley.support.Eventually;
import io.parley.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Parley as a separate process and kills it with SIGKILL: what was delivered must
 * still be there.
 */
class CrashRecoveryIntegrationTests {

	@Test
	void deliveredMessagesSurviveKillDashNine() throws Exception {
		Path data = TestDatabase.newDataDirectory();
		Files.createDirectories(data);
		Path log = data.resolve("parley.log");
		Team team;
		String id;

		int port = freePort();
		Process parley = start(data, port, log);
		try {
			awaitHealthy(port, parley);
			Api api = new Api(port);
			team = api.team();
			id = api.assignedConversation(team);
			Conversations.exchange(port, team, id, 40);
		}
		finally {
			parley.destroyForcibly();
			assertThat(parley.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(parley.exitValue()).as("killed by SIGKILL").isEqualTo(137);

		int secondPort = freePort();
		Process restarted = start(data, secondPort, log);
		try {
			awaitHealthy(secondPort, restarted);
			Api api = new Api(secondPort);
			Conversations.assertMessages(api.get("/conversations/" + id, team.supervisor().token()).data(), 40);
		}
		finally {
			restarted.destroy();
			restarted.waitFor(30, TimeUnit.SECONDS);
		}

		String logs = Files.readString(log);
		assertThat(logs).contains("Started ParleyApplication");
		assertThat(logs.lines()).as("one line per event").allMatch((line) -> line.matches("^\\d{4}-\\d\\d-\\d\\dT.*"));
		assertThat(logs).doesNotContain("secret123").doesNotContain(team.candidate().token());
		assertThat(logs).doesNotContain(Files.readString(data.resolve("jwt-secret")).trim());
	}

	@Test
	void aBurstRetriedWithClientIdsAfterKillDashNineIsStoredExactlyOnce() throws Exception {
		Path data = TestDatabase.newDataDirectory();
		Files.createDirectories(data);
		Path log = data.resolve("parley.log");
		int burst = 200;
		Team team;
		String id;

		int port = freePort();
		Process parley = start(data, port, log);
		try {
			awaitHealthy(port, parley);
			Api api = new Api(port);
			team = api.team();
			id = api.assignedConversation(team);
			String path = "/api/conversations/" + id + "/messages";
			AtomicInteger answered = new AtomicInteger();
			ExecutorService senders = Executors.newFixedThreadPool(4);
			try {
				for (int i = 0; i < burst; i++) {
					String clientId = "m-" + i;
					senders.execute(() -> {
						try {
							api.post(path, team.candidate().token(),
									Map.of("content", clientId, "clientMessageId", clientId));
							answered.incrementAndGet();
						}
						catch (IllegalStateException killed) {
							// the server went away mid-request: the client retries below
						}
					});
				}
				Eventually.until("a quarter of the burst answered", Duration.ofSeconds(60),
						() -> answered.get() >= burst / 4);
				parley.destroyForcibly();
				assertThat(parley.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				senders.shutdownNow();
				senders.awaitTermination(30, TimeUnit.SECONDS);
			}
			assertThat(answered.get()).as("killed during the burst").isLessThan(burst);
		}
		finally {
			parley.destroyForcibly();
			parley.waitFor(30, TimeUnit.SECONDS);
		}

		int secondPort = freePort();
		Process restarted = start(data, secondPort, log);
		try {
			awaitHealthy(secondPort, restarted);
			Api api = new Api(secondPort);
			String path = "/api/conversations/" + id + "/messages";
			for (int i = 0; i < burst; i++) {
				Reply retry = api.post(path, team.candidate().token(),
						Map.of("content", "m-" + i, "clientMessageId", "m-" + i));
				assertThat(retry.status()).as(retry.raw()).isIn(200, 201);
			}
			List<String> clientIds = new ArrayList<>();
			List<Long> sequences = new ArrayList<>();
			String after = "0";
			while (after != null) {
				JsonNode page = api.get(path + "?limit=100&after=" + after, team.admin().token()).data();
				// the staff also read Parley's line for the assignment when those are on
				// (decision 44)
				page.get("items").forEach((item) -> {
					if (item.get("type").stringValue().equals("system")) {
						return;
					}
					clientIds.add(item.get("clientMessageId").stringValue());
					sequences.add(item.get("sequence").asLong());
				});
				after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
			}
			assertThat(clientIds).hasSize(burst).doesNotHaveDuplicates();
			assertThat(sequences).isEqualTo(LongStream.rangeClosed(1, burst).boxed().toList());
		}
		finally {
			restarted.destroy();
			restarted.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static Process start(Path data, int port, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath,
				ParleyApplication.class.getName());
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("PARLEY_DATA_DIR", data.toString());
		builder.environment().remove("PARLEY_JWT_SECRET");
		builder.environment().put("PARLEY_PASSWORD_COST", String.valueOf(TestDatabase.PASSWORD_COST));
		if (TestDatabase.isPostgres()) {
			builder.environment().put("DATABASE_URL", TestDatabase.url());
		}
		else {
			builder.environment().remove("DATABASE_URL");
		}
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		return builder.start();
	}

	private static void awaitHealthy(int port, Process process) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.build();
		Eventually.until("Parley is healthy on port " + port, Duration.ofSeconds(60), () -> {
			assertThat(process.isAlive()).as("Parley process exited early").isTrue();
			return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

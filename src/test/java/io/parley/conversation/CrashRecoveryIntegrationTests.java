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
import java.util.concurrent.TimeUnit;

import io.parley.ParleyApplication;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Conversations;
import io.parley.support.Eventually;
import io.parley.support.TestDatabase;
import org.junit.jupiter.api.Test;

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

package io.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmark harness working: every scenario runs for a moment against the
 * application. Nothing here judges speed; that is {@code bench/run}'s job.
 */
@ParleyIntegrationTest
class BenchSmokeIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void everyScenarioRunsAndEveryOfferedMessageArrives() throws Exception {
		Path out = this.folder.resolve("results.jsonl");
		List<Result> results = Bench.run("--target=parley", "--label=smoke", "--url=http://127.0.0.1:" + this.port,
				"--idle-sockets=20", "--rooms=4", "--agents=2", "--rates=40", "--warmup=0.2", "--measure=1",
				"--max-rates=80", "--step-warmup=0.2", "--step-measure=1", "--rest-rates=20", "--out=" + out);

		assertThat(results).extracting(Result::scenario).containsExactly("idle", "rooms", "max", "rest", "rest-send");
		Result idle = results.get(0);
		assertThat(idle.offered()).as("idle sockets opened").isEqualTo(20);
		assertThat(idle.delivered()).as("idle handshakes per second").isPositive();
		for (Result rate : results.subList(1, 5)) {
			// both are counts over the same measured second: equal rates are equal counts
			assertThat(rate.offered()).as(rate.scenario() + " offered").isPositive();
			assertThat(rate.delivered()).as(rate.scenario() + " delivered every message it sent, once")
				.isEqualTo(rate.offered());
			assertThat(rate.p50Millis()).as(rate.scenario() + " has latencies").isPositive();
			assertThat(rate.p99Millis()).as(rate.scenario() + " p99").isGreaterThanOrEqualTo(rate.p50Millis());
		}
		assertThat(Files.readAllLines(out)).hasSize(5);
		assertThat(Report.render(results)).contains("| smoke | 20.00 |")
			.contains("### 4. REST")
			.contains("| smoke | `POST /api/conversations/{id}/messages` |");
	}

	@Test
	void theSocketIoAdapterSpeaksEngineIo() {
		assertThat(Wire.SOCKET_IO.control("0{\"sid\":\"x\",\"pingInterval\":25000}")).isEqualTo("40");
		assertThat(Wire.SOCKET_IO.control("2")).isEqualTo("3");
		assertThat(Wire.SOCKET_IO.encode("SEND_MESSAGE", "{\"a\":1}")).isEqualTo("42[\"SEND_MESSAGE\",{\"a\":1}]");
		assertThat(Wire.SOCKET_IO.isReady("40{\"sid\":\"y\"}")).isTrue();
		assertThat(Wire.PLAIN.encode("JOIN_CONVERSATION", "{}"))
			.isEqualTo("{\"event\":\"JOIN_CONVERSATION\",\"data\":{}}");
	}

}

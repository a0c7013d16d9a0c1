package io.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.parley.support.Api;
import io.parley.support.Barriers;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class OneActiveConversationRaceIntegrationTests {

	@LocalServerPort
	int port;

	@RepeatedTest(5)
	void ofTwoRacingStartsExactlyOneSucceeds() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		int racers = 4;
		CyclicBarrier start = new CyclicBarrier(racers);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			for (int i = 0; i < racers; i++) {
				statuses.add(CompletableFuture.supplyAsync(() -> {
					Barriers.await(start);
					return api
						.post("/conversations", team.candidate().token(),
								Map.of("supervisorId", team.supervisor().id()))
						.status();
				}, pool));
			}
			List<Integer> results = statuses.stream().map(CompletableFuture::join).toList();

			assertThat(results).containsOnlyOnce(201);
			assertThat(results).filteredOn((status) -> status != 201).containsOnly(409);
		}
		finally {
			pool.shutdownNow();
		}
	}

}

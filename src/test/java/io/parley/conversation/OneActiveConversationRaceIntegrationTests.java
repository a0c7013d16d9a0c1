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
import io.parley.support.Api.Reply;
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
	void ofRacingStartsExactlyOneSucceedsAndTheOthersAreToldWhy() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		int racers = 4;
		CyclicBarrier start = new CyclicBarrier(racers);
		List<CompletableFuture<Reply>> replies = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			for (int i = 0; i < racers; i++) {
				replies.add(CompletableFuture.supplyAsync(() -> {
					Barriers.await(start);
					return api.post("/conversations", team.candidate().token(),
							Map.of("supervisorId", team.supervisor().id()));
				}, pool));
			}
			List<Reply> results = replies.stream().map(CompletableFuture::join).toList();

			assertThat(results).extracting(Reply::status).containsOnlyOnce(201);
			List<Reply> losers = results.stream().filter((reply) -> reply.status() != 201).toList();
			assertThat(losers).hasSize(racers - 1).allSatisfy((loser) -> {
				assertThat(loser.status()).as(loser.raw()).isEqualTo(409);
				assertThat(loser.error()).isEqualTo("Candidate already has an active conversation");
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

}

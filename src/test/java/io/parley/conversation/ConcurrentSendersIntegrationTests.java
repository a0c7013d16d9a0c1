package io.parley.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

// its burst leaves the writers busy: the classes after it get an application of their own
@ParleyIntegrationTest
@DirtiesContext
class ConcurrentSendersIntegrationTests {

	static final int PER_SENDER = 150;

	@LocalServerPort
	int port;

	@Test
	void concurrentSendersLoseNothingDuplicateNothingAndAgreeOnTheOrder() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		Socket candidate = joined(team.candidate().token(), id);
		Socket candidateTab = joined(team.candidate().token(), id);
		Socket agent = joined(team.agent().token(), id);
		List<Socket> senders = List.of(candidate, candidateTab, agent);
		ExecutorService pool = Executors.newFixedThreadPool(senders.size());
		try {
			List<CompletableFuture<Void>> sending = new ArrayList<>();
			for (int s = 0; s < senders.size(); s++) {
				Socket sender = senders.get(s);
				String name = "s" + s;
				sending.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < PER_SENDER; i++) {
						sender.send("SEND_MESSAGE", Map.of("conversationId", id, "content", name + "-" + i));
					}
				}, pool));
			}
			sending.forEach(CompletableFuture::join);

			int total = senders.size() * PER_SENDER;
			for (Socket receiver : senders) {
				List<Long> sequences = new ArrayList<>();
				for (int i = 0; i < total - PER_SENDER; i++) {
					sequences.add(receiver.expect("NEW_MESSAGE").get("sequence").asLong());
				}
				assertThat(sequences).as("delivered in sequence order, once each").isSorted().doesNotHaveDuplicates();
			}

			JsonNode messages = api.get("/conversations/" + id, team.admin().token()).data().get("messages");
			assertThat(messages.size()).isEqualTo(total);
			Set<String> contents = new HashSet<>();
			int[] next = new int[senders.size()];
			for (int i = 0; i < total; i++) {
				JsonNode message = messages.get(i);
				assertThat(message.get("sequence").asLong()).isEqualTo(i + 1);
				String content = message.get("content").stringValue();
				assertThat(contents.add(content)).as("duplicate " + content).isTrue();
				int sender = Integer.parseInt(content.substring(1, content.indexOf('-')));
				assertThat(content).as("each sender's messages keep their order")
					.isEqualTo("s" + sender + "-" + next[sender]++);
			}
		}
		finally {
			pool.shutdownNow();
			senders.forEach(Socket::close);
		}
	}

	private Socket joined(String token, String id) {
		Socket socket = Socket.connect(this.port, token);
		socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
		socket.expect("JOINED_CONVERSATION");
		return socket;
	}

}

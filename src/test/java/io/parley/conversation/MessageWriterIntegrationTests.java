package io.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Barriers;
import io.parley.support.ParleyIntegrationTest;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Role;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that share a commit: refusals stay with their own message, and every stored
 * message gets its own sequence number.
 */
@ParleyIntegrationTest
class MessageWriterIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageLog messages;

	@Test
	void messagesCommittedTogetherAreRefusedOrStoredOneByOne() throws Exception {
		Api api = new Api(this.port);
		Team open = api.team();
		String openId = api.assignedConversation(open);
		Team closing = api.team();
		String closedId = api.startConversation(closing);
		assertThat(api.post("/conversations/" + closedId + "/close", closing.admin().token(), Map.of()).status())
			.isEqualTo(200);
		Caller candidate = candidate(open.candidate().id());
		Caller closedCandidate = candidate(closing.candidate().id());
		ConversationId missing = new ConversationId(UUID.randomUUID());

		int writers = 12;
		CyclicBarrier start = new CyclicBarrier(writers);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		List<CompletableFuture<Object>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < writers; i++) {
				int kind = i % 3;
				String content = "message " + i;
				outcomes.add(CompletableFuture.supplyAsync(() -> {
					Barriers.await(start);
					try {
						return switch (kind) {
							case 0 -> post(candidate, ConversationId.parse(openId).orElseThrow(), content);
							case 1 -> post(closedCandidate, ConversationId.parse(closedId).orElseThrow(), content);
							default -> post(candidate, missing, content);
						};
					}
					catch (ParleyException ex) {
						return ex.code();
					}
				}, pool));
			}
			List<Object> results = outcomes.stream().map(CompletableFuture::join).toList();

			for (int i = 0; i < writers; i++) {
				switch (i % 3) {
					case 0 -> assertThat(results.get(i)).isInstanceOf(Message.class);
					case 1 -> assertThat(results.get(i)).isEqualTo(ErrorCode.CONVERSATION_ALREADY_CLOSED);
					default -> assertThat(results.get(i)).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND);
				}
			}
			assertThat(
					results.stream().filter(Message.class::isInstance).map((message) -> ((Message) message).sequence()))
				.containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
			assertThat(api.get("/conversations/" + openId, open.admin().token()).data().get("messages").size())
				.isEqualTo(4);
			assertThat(api.get("/conversations/" + closedId, closing.admin().token()).data().get("messages").size())
				.isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Message post(Caller sender, ConversationId conversation, String content) {
		return this.messages.post(this.messages.sender(sender), conversation, MessageType.TEXT, content, null, null)
			.message();
	}

	private static Caller candidate(String id) {
		return new Caller(UserId.parse(id).orElseThrow(), WorkspaceId.DEFAULT, Role.CANDIDATE.value(),
				Role.CANDIDATE.permissions());
	}

}

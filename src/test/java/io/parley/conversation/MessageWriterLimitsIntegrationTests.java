package io.parley.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * The writer's bounds: a full queue and a wait that runs out answer "Server busy" and
 * store nothing, a failure of any kind fails only its batch, and a caller inside a
 * transaction is refused.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "parley.messages.writers=1", "parley.messages.queue-capacity=2",
		"parley.messages.max-wait=1s", "parley.database.lock-timeout=30s" })
class MessageWriterLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	MessageLog messages;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MeterRegistry meters;

	@MockitoSpyBean
	Messages stored;

	@Test
	void aFullQueueAndAWaitThatRunsOutAnswerServerBusyAndStoreNothing() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		String path = "/api/conversations/" + id + "/messages";

		CompletableFuture<Reply> first;
		List<CompletableFuture<Reply>> queued;
		Reply refused;
		try (Connection lock = this.dataSource.getConnection()) {
			// the writer takes the first message and waits for this lock; two more queue
			// up
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock
				.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
				select.setObject(1, UUID.fromString(id));
				select.executeQuery().close();
			}
			long batches = batches();
			first = CompletableFuture
				.supplyAsync(() -> api.post(path, team.candidate().token(), Map.of("content", "1")));
			Eventually.until("the writer took the first message", () -> batches() > batches);
			queued = List.of(
					CompletableFuture
						.supplyAsync(() -> api.post(path, team.candidate().token(), Map.of("content", "2"))),
					CompletableFuture
						.supplyAsync(() -> api.post(path, team.candidate().token(), Map.of("content", "3"))));
			Eventually.until("two messages queue up",
					() -> this.meters.get("parley.messages.queue").gauge().value() == 2);
			refused = api.post(path, team.candidate().token(), Map.of("content", "4"));
			for (CompletableFuture<Reply> waiting : queued) {
				Reply reply = waiting.get(10, TimeUnit.SECONDS);
				assertThat(reply.status()).isEqualTo(503);
				assertThat(reply.error()).isEqualTo("Server busy, try again");
			}
			lock.rollback();
		}

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.error()).isEqualTo("Server busy, try again");
		assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		JsonNodes.assertContents(api.get(path, team.candidate().token()).data().get("items"), "1");
	}

	private long batches() {
		return this.meters.get("parley.messages.batch.size").summary().count();
	}

	@Test
	void aWriterSurvivesAnErrorAndTheNextMessageGoesThrough() {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		String path = "/api/conversations/" + id + "/messages";
		doThrow(new AssertionError("the disk is on fire")).doCallRealMethod().when(this.stored).addAll(anyList());

		Reply failed = api.post(path, team.candidate().token(), Map.of("content", "lost"));
		Reply next = api.post(path, team.candidate().token(), Map.of("content", "kept"));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.error()).isEqualTo("Internal server error");
		assertThat(next.status()).isEqualTo(201);
		assertThat(next.data().get("sequence").asLong()).isEqualTo(1);
		JsonNodes.assertContents(api.get(path, team.candidate().token()).data().get("items"), "kept");
	}

	@Test
	void theWriterIsNotCalledFromInsideATransaction() {
		Api api = new Api(this.port);
		Team team = api.team();
		ConversationId id = ConversationId.parse(api.assignedConversation(team)).orElseThrow();
		MessageLog.Sender sender = new MessageLog.Sender(
				new io.parley.workspace.Caller(io.parley.identity.UserId.parse(team.candidate().id()).orElseThrow(),
						io.parley.workspace.WorkspaceId.DEFAULT, "candidate",
						io.parley.workspace.Role.CANDIDATE.permissions()),
				null, null);

		assertThatIllegalStateException()
			.isThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult(
					(status) -> this.messages.post(sender, id, MessageType.TEXT, "inside", null, null)))
			.withMessageContaining("outside of any transaction");
	}

}

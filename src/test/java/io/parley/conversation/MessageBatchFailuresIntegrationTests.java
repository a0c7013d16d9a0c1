package io.parley.conversation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * How a batch that fails is answered (see {@link MessageBatch#commit}): a conversation
 * whose row stays locked answers busy and the others of the batch are stored; a batch
 * that failed before its commit is retried apart, each message stored once; a commit
 * whose outcome cannot be known is retried never. One writer, so that messages of several
 * conversations share a batch, and a short lock timeout.
 */
@ParleyIntegrationTest
@DirtiesContext // its own settings: closed after, so its connections are not kept
@TestPropertySource(properties = { "parley.messages.writers=1", "parley.database.lock-timeout=1s" })
class MessageBatchFailuresIntegrationTests {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@MockitoSpyBean
	Messages stored;

	@AfterEach
	void resetSpy() {
		reset(this.stored, this.dataSource);
	}

	@Test
	void aCommitThatReportedAFailureButWentThroughIsAnsweredStoredAndReachesTheInboxes() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		Reply waiting = api.send("PATCH", "/api/conversations/" + id, team.agent().token(), "application/json",
				"{\"status\":\"waiting\"}");
		assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
		api.awaitSystemLines(id, team.admin().token(), 2);
		try (Socket inbox = Socket.connect(this.port, team.agent().token())) {
			inbox.send("SUBSCRIBE_INBOX", Map.of());
			inbox.expect("INBOX_SUBSCRIBED");
			AtomicBoolean armed = new AtomicBoolean(true);
			doAnswer((invocation) -> {
				Connection connection = (Connection) invocation.callRealMethod();
				boolean writer = Thread.currentThread().getName().startsWith("parley-message-writer");
				return (writer && armed.compareAndSet(true, false)) ? answerOfCommitLost(connection) : connection;
			}).when(this.dataSource).getConnection();

			// the customer writing again brings the conversation back: the inboxes are
			// told
			Reply posted = api.post(path(id), team.candidate().token(), Map.of("content", "committed after all"));

			assertThat(armed).as("the writer's commit lost its answer").isFalse();
			assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
			assertThat(posted.data().get("sequence").asLong()).isEqualTo(1);
			JsonNode update = inbox.expect("CONVERSATION_UPDATED");
			assertThat(update.get("conversationId").stringValue()).isEqualTo(id);
			assertThat(update.get("status").stringValue()).isEqualTo("assigned");
		}
		JsonNodes.assertContents(api.get(path(id), team.candidate().token()).data().get("items"),
				"committed after all");
	}

	/**
	 * A connection whose commit goes through and then reports that the connection broke,
	 * as when it is lost while the database's answer is on its way.
	 */
	private static Connection answerOfCommitLost(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					try {
						Object result = method.invoke(connection, arguments);
						if (method.getName().equals("commit")) {
							throw new SQLException("Connection reset while reading the answer", "08006");
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void aConversationWhoseRowStaysLockedAnswersBusyAndTheOthersOfItsBatchAreStored() throws Exception {
		Api api = new Api(this.port);
		Team one = api.team();
		Team two = api.team();
		String locked = path(api.assignedConversation(one));
		String free = path(api.assignedConversation(two));

		CompletableFuture<Reply> alone;
		CompletableFuture<Reply> blocked;
		CompletableFuture<Reply> passing;
		try (Connection lock = holdLock(locked)) {
			// the first message takes the writer and waits for the lock; two more,
			// one of each conversation, queue up and make the next batch
			long batches = batches();
			alone = post(api, one, locked, "alone");
			Eventually.until("the writer took the first message", () -> batches() > batches);
			blocked = post(api, one, locked, "blocked");
			passing = post(api, two, free, "passing");
			Eventually.until("two messages queue up", () -> queued() == 2);

			assertBusy(alone.get(30, TimeUnit.SECONDS));
			assertBusy(blocked.get(30, TimeUnit.SECONDS));
			assertThat(passing.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
			lock.rollback();
		}

		JsonNodes.assertContents(api.get(locked, one.candidate().token()).data().get("items"));
		JsonNodes.assertContents(api.get(free, two.candidate().token()).data().get("items"), "passing");
		Reply later = api.post(locked, one.candidate().token(), Map.of("content", "later"));
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.data().get("sequence").asLong()).isEqualTo(1);
	}

	@Test
	void aBatchThatFailedBeforeItsCommitIsTriedAgainApartAndStoresEachMessageOnce() throws Exception {
		Api api = new Api(this.port);
		Team one = api.team();
		Team two = api.team();
		Team three = api.team();
		String first = path(api.assignedConversation(one));
		String second = path(api.assignedConversation(two));
		String holder = path(api.assignedConversation(three));

		AtomicBoolean failed = new AtomicBoolean();
		CompletableFuture<Reply> held;
		List<CompletableFuture<Reply>> batched;
		try (Connection lock = holdLock(holder)) {
			long batches = batches();
			held = post(api, three, holder, "held");
			Eventually.until("the writer took the first message", () -> batches() > batches);
			batched = List.of(post(api, one, first, "one"), post(api, two, second, "two"));
			Eventually.until("two messages queue up", () -> queued() == 2);
			// the insert of the batch of two fails, its rows rolled back with it
			doAnswer((invocation) -> {
				invocation.callRealMethod();
				List<?> messages = invocation.getArgument(0);
				if (messages.size() == 2 && failed.compareAndSet(false, true)) {
					throw new DataAccessResourceFailureException("the connection broke");
				}
				return null;
			}).when(this.stored).addAll(anyList());
			lock.rollback();
		}

		assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		for (CompletableFuture<Reply> reply : batched) {
			assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		}
		assertThat(failed).as("the batch of two failed").isTrue();
		JsonNodes.assertContents(api.get(first, one.candidate().token()).data().get("items"), "one");
		JsonNodes.assertContents(api.get(second, two.candidate().token()).data().get("items"), "two");
	}

	@Test
	void aCommitWhoseOutcomeCannotBeKnownIsNotTriedAgain() {
		Api api = new Api(this.port);
		Team team = api.team();
		String path = path(api.assignedConversation(team));
		doAnswer((invocation) -> {
			invocation.callRealMethod();
			throw new DataAccessResourceFailureException("the connection broke during the commit");
		}).doCallRealMethod().when(this.stored).addAll(anyList());
		doThrow(new DataAccessResourceFailureException("the database is gone")).doCallRealMethod()
			.when(this.stored)
			.stored(anyCollection());
		clearInvocations(this.stored);

		Reply unknown = api.post(path, team.candidate().token(), Map.of("content", "lost?"));

		assertThat(unknown.status()).isEqualTo(500);
		assertThat(unknown.error()).isEqualTo("Internal server error");
		verify(this.stored, times(1)).addAll(anyList());
		// it was not stored after all, so the next message takes the first number
		Reply next = api.post(path, team.candidate().token(), Map.of("content", "next"));
		assertThat(next.status()).isEqualTo(201);
		assertThat(next.data().get("sequence").asLong()).isEqualTo(1);
		JsonNodes.assertContents(api.get(path, team.candidate().token()).data().get("items"), "next");
	}

	private Connection holdLock(String path) throws Exception {
		String id = path.substring("/api/conversations/".length(), path.length() - "/messages".length());
		Connection lock = this.dataSource.getConnection();
		lock.setAutoCommit(false);
		try (PreparedStatement select = lock.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
			select.setObject(1, UUID.fromString(id));
			select.executeQuery().close();
		}
		return lock;
	}

	private static CompletableFuture<Reply> post(Api api, Team team, String path, String content) {
		return CompletableFuture
			.supplyAsync(() -> api.post(path, team.candidate().token(), Map.of("content", content)));
	}

	private static String path(String conversation) {
		return "/api/conversations/" + conversation + "/messages";
	}

	private static void assertBusy(Reply reply) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
		assertThat(reply.error()).isEqualTo("Server busy, try again");
	}

	private long batches() {
		return this.meters.get("parley.messages.batch.size").summary().count();
	}

	private double queued() {
		return this.meters.get("parley.messages.queue").gauge().value();
	}

}

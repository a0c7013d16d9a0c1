package io.parley.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The messages table read as a log from a cursor: every committed message once, in log
 * order, also when transactions commit in another order than they took their positions.
 */
@ParleyIntegrationTest
class MessageFeedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Api api;

	Team team;

	String conversation;

	@BeforeEach
	void conversation() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.conversation = this.api.assignedConversation(this.team);
	}

	@Test
	void everyMessageIsReadOnceInTheOrderItWasStoredWithItsWorkspace() {
		Team otherTeam = this.api.team();
		String other = this.api.assignedConversation(otherTeam);
		FeedCursor head = head();
		post(this.conversation, this.team.candidate().token(), "one");
		post(other, otherTeam.candidate().token(), "two");
		post(this.conversation, this.team.agent().token(), "three");

		FeedPage page = this.feed.read(head, 100);
		FeedPage after = this.feed.read(page.next(), 100);

		assertThat(contents(page.entries())).containsExactly("one", "two", "three");
		assertThat(page.entries()).extracting(FeedEntry::position).isSorted().doesNotHaveDuplicates();
		assertThat(page.entries()).extracting((entry) -> entry.message().conversationId().value().toString())
			.containsExactly(this.conversation, other, this.conversation);
		assertThat(page.entries()).allSatisfy((entry) -> assertThat(entry.workspace().value())
			.isEqualTo(workspaceOf(entry.message().conversationId().value())));
		// a hole is only where no message is stored (a rolled-back insert of another
		// test)
		assertThat(page.next().gaps().keySet())
			.allSatisfy((gap) -> assertThat(this.jdbc.sql("SELECT COUNT(*) FROM messages WHERE log_position = ?")
				.param(gap)
				.query(Long.class)
				.single()).isZero());
		assertThat(after.entries()).isEmpty();
		assertThat(after.next()).isEqualTo(page.next());
	}

	@Test
	void aReadTakesAtMostItsLimitAndTheNextReadGoesOn() {
		FeedCursor head = head();
		for (String content : List.of("a", "b", "c")) {
			post(this.conversation, this.team.candidate().token(), content);
		}

		FeedPage first = this.feed.read(head, 2);
		FeedPage second = this.feed.read(first.next(), 2);

		assertThat(contents(first.entries())).containsExactly("a", "b");
		assertThat(contents(second.entries())).containsExactly("c");
		assertThatIllegalArgumentException().isThrownBy(() -> this.feed.read(head, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.feed.read(head, MessageFeed.MAX_LIMIT + 1));
	}

	@Test
	void aMessageCommittedAfterALaterOneIsReadOnceItsGapFills() throws Exception {
		// a conversation of its own: the insert holds a key-share lock on the
		// conversation's row
		String own = this.api.assignedConversation(this.api.team());
		FeedCursor head = head();
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			insertNote(slow, own, "late");
			post(this.conversation, this.team.candidate().token(), "early");

			FeedPage before = this.feed.read(head, 100);
			assertThat(contents(before.entries())).containsExactly("early");
			assertThat(before.next().gaps()).hasSize(1);

			slow.commit();
			FeedPage filled = this.feed.read(before.next(), 100);
			assertThat(contents(filled.entries())).containsExactly("late");
			assertThat(filled.entries().get(0).position()).isLessThan(before.entries().get(0).position());
			assertThat(filled.next().gaps()).doesNotContainKey(filled.entries().get(0).position());
			assertThat(this.feed.read(filled.next(), 100).entries()).isEmpty();
		}
	}

	@Test
	void aGapOlderThanAnyTransactionIsGivenUpAndAFreshOneKept() {
		FeedCursor head = head();
		long never = head.position() + 1_000_000;
		Instant now = Instant.now();
		TreeMap<Long, Instant> gaps = new TreeMap<>(Map.of(never, now.minus(Duration.ofMinutes(5)), never + 1, now));

		FeedPage page = this.feed.read(new FeedCursor(head.position(), gaps), 10);

		assertThat(page.next().gaps()).containsOnlyKeys(never + 1);
	}

	@Test
	void aConsumerGoesOnFromItsStoredCursorAndAFailedHandlerGetsTheSameEntriesAgain() {
		String consumer = "test-" + UUID.randomUUID();
		assertThat(this.feed.cursorOf(consumer)).isEqualTo(FeedCursor.START);
		while (this.feed.poll(consumer, MessageFeed.MAX_LIMIT, (entries) -> {
		}) > 0) {
			// catching up with the messages of earlier tests
		}
		post(this.conversation, this.team.candidate().token(), "hello");
		post(this.conversation, this.team.agent().token(), "hi there");
		FeedCursor before = this.feed.cursorOf(consumer);

		assertThatIllegalStateException().isThrownBy(() -> this.feed.poll(consumer, 10, (entries) -> {
			throw new IllegalStateException("handler down");
		}));
		assertThat(this.feed.cursorOf(consumer)).isEqualTo(before);
		List<FeedEntry> handled = new ArrayList<>();
		int count = this.feed.poll(consumer, 10, handled::addAll);

		assertThat(count).isEqualTo(2);
		assertThat(contents(handled)).containsExactly("hello", "hi there");
		assertThat(this.feed.cursorOf(consumer).position()).isEqualTo(handled.get(1).position());
		assertThat(this.feed.poll(consumer, 10, (entries) -> {
			throw new AssertionError("nothing new to handle");
		})).isZero();
		assertThatThrownBy(() -> this.feed.poll("x".repeat(MessageFeed.MAX_CONSUMER_LENGTH + 1), 10, handled::addAll))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private FeedCursor head() {
		long last = this.jdbc.sql("SELECT COALESCE(MAX(log_position), 0) FROM messages").query(Long.class).single();
		return new FeedCursor(last, new TreeMap<>());
	}

	private void post(String conversation, String token, String content) {
		Reply reply = this.api.post("/api/conversations/" + conversation + "/messages", token,
				Map.of("content", content));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
	}

	/**
	 * A note inserted in a transaction the caller commits, numbered far from the rest.
	 */
	private void insertNote(Connection connection, String conversation, String content) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO messages (conversation_id, sequence_number, note_number, author_type, author_id, "
						+ "author_name, sender_id, sender_role, message_type, content, created_at) "
						+ "VALUES (?, 0, 1000, 'member', ?, 'Agent', ?, 'agent', 'note', ?, ?)")) {
			UUID agent = UUID.fromString(this.team.agent().id());
			insert.setObject(1, UUID.fromString(conversation));
			insert.setObject(2, agent);
			insert.setObject(3, agent);
			insert.setString(4, content);
			insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
			insert.executeUpdate();
		}
	}

	private UUID workspaceOf(UUID conversation) {
		return this.jdbc.sql("SELECT workspace_id FROM conversations WHERE id = ?")
			.param(conversation)
			.query(UUID.class)
			.single();
	}

	private static List<String> contents(List<FeedEntry> entries) {
		return entries.stream().map((entry) -> entry.message().content()).toList();
	}

}

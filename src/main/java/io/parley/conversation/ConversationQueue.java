package io.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of a workspace: its conversations nobody has taken yet (open and unassigned,
 * not left through the offline form), oldest first, and how long a customer may expect to
 * wait for the staff's first answer: the median of the workspace's last {@value #SAMPLE}
 * first responses within {@link #WINDOW} (docs/api.md, "Queue position and expected
 * wait").
 */
@Service
public class ConversationQueue {

	static final int SAMPLE = 50;

	static final Duration WINDOW = Duration.ofDays(7);

	/** The SQL of a conversation {@code c} in the queue. */
	private static final String WAITING = "c.status = 'open' AND c.agent_id IS NULL AND c.left_offline = FALSE";

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final Clock clock;

	ConversationQueue(JdbcClient jdbc, Conversations conversations, Clock clock) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.clock = clock;
	}

	/**
	 * The conversation's place in the queue; empty when it is not waiting there (taken,
	 * closed, left offline) or is no conversation of the workspace.
	 */
	@Transactional(readOnly = true)
	public Optional<QueueEstimate> queueOf(WorkspaceId workspace, ConversationId id) {
		Optional<Conversation> found = this.conversations.find(workspace, id).filter(ConversationQueue::isWaiting);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Conversation conversation = found.get();
		long ahead = this.jdbc
			.sql("SELECT COUNT(*) FROM conversations c WHERE c.workspace_id = :workspace AND " + WAITING
					+ " AND (c.created_at < :at OR (c.created_at = :at AND c.id < :id))")
			.param("workspace", workspace.value())
			.param("at", conversation.createdAt().atOffset(ZoneOffset.UTC))
			.param("id", id.value())
			.query(Long.class)
			.single();
		return Optional.of(new QueueEstimate((int) ahead + 1, expectedWaitSeconds(workspace)));
	}

	/**
	 * The places of all the workspace's waiting conversations, in two queries however
	 * many wait: for telling every waiting visitor at once.
	 */
	@Transactional(readOnly = true)
	public Map<ConversationId, QueueEstimate> queueOf(WorkspaceId workspace) {
		List<ConversationId> waiting = this.jdbc
			.sql("SELECT c.id FROM conversations c WHERE c.workspace_id = :workspace AND " + WAITING
					+ " ORDER BY c.created_at, c.id")
			.param("workspace", workspace.value())
			.query((row, number) -> new ConversationId(row.getObject("id", UUID.class)))
			.list();
		if (waiting.isEmpty()) {
			return Map.of();
		}
		Long expectedWait = expectedWaitSeconds(workspace);
		Map<ConversationId, QueueEstimate> places = new HashMap<>();
		for (int i = 0; i < waiting.size(); i++) {
			places.put(waiting.get(i), new QueueEstimate(i + 1, expectedWait));
		}
		return places;
	}

	/** The rule of {@link #WAITING} in Java. */
	static boolean isWaiting(Conversation conversation) {
		return conversation.status() == ConversationStatus.OPEN && conversation.agentId() == null
				&& !conversation.leftOffline();
	}

	/**
	 * The median time from a conversation's start to the staff's first answer, over the
	 * workspace's last first answers within the window; {@code null} when there were
	 * none. Offline messages, answered when the team is back, are not counted.
	 */
	Long expectedWaitSeconds(WorkspaceId workspace) {
		Instant since = Timestamps.now(this.clock).minus(WINDOW);
		List<Long> waits = this.jdbc
			.sql("SELECT c.created_at, c.first_response_at FROM conversations c WHERE c.workspace_id = ? "
					+ "AND c.first_response_at >= ? AND c.left_offline = FALSE "
					+ "ORDER BY c.first_response_at DESC LIMIT " + SAMPLE)
			.params(workspace.value(), since.atOffset(ZoneOffset.UTC))
			.query((row, number) -> Duration
				.between(row.getObject("created_at", OffsetDateTime.class).toInstant(),
						row.getObject("first_response_at", OffsetDateTime.class).toInstant())
				.toMillis())
			.list();
		return median(waits);
	}

	/** The middle value in seconds, rounded; of an even number, the mean of the two. */
	static Long median(List<Long> millis) {
		if (millis.isEmpty()) {
			return null;
		}
		List<Long> sorted = millis.stream().map((wait) -> Math.max(0, wait)).sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
		return Math.round(median / 1000.0);
	}

}

package io.parley.realtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationSnapshots;
import io.parley.conversation.FeedCursor;
import io.parley.conversation.FeedEntry;
import io.parley.conversation.FeedPage;
import io.parley.conversation.Message;
import io.parley.conversation.MessageFeed;
import io.parley.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the dashboards' inboxes on new messages without a step on the message path: every
 * {@code PARLEY_INBOX_ACTIVITY_INTERVAL} this node reads what the message log got since
 * (decision 41), merges it into one entry per conversation, and tells its own sockets
 * that asked for it ({@code CONVERSATION_ACTIVITY}). Each node reads the log for its own
 * sockets from a cursor in memory: nothing is stored, and nothing crosses nodes (decision
 * 106).
 */
@Component
class InboxActivity {

	static final int PAGE = 500;

	/** The most pages one round reads; a node further behind catches up over rounds. */
	static final int MAX_PAGES = 10;

	private static final Logger log = LoggerFactory.getLogger(InboxActivity.class);

	private final MessageFeed feed;

	private final ConversationSnapshots snapshots;

	private final ConnectionRegistry connections;

	private final LocalFanout fanout;

	/** Read and moved by the scheduler's rounds only, one at a time. */
	private FeedCursor cursor;

	InboxActivity(MessageFeed feed, ConversationSnapshots snapshots, ConnectionRegistry connections,
			LocalFanout fanout) {
		this.feed = feed;
		this.snapshots = snapshots;
		this.connections = connections;
		this.fanout = fanout;
	}

	@Scheduled(fixedDelayString = "${parley.inbox.activity-interval}",
			initialDelayString = "${parley.inbox.activity-interval}")
	void round() {
		try {
			announce();
		}
		catch (RuntimeException ex) {
			// the next round reads the same part of the log again
			log.warn("Could not read the message log for the inboxes' activity", ex);
		}
	}

	/** Tells the subscribed sockets of what the log got since the last round. */
	void announce() {
		Set<WorkspaceId> watched = this.connections.withInboxActivity();
		if (this.cursor == null || watched.isEmpty()) {
			// nobody here to tell: keep up with the log's end, one indexed read
			this.cursor = this.feed.head();
			return;
		}
		Map<ConversationId, Activity> activity = new LinkedHashMap<>();
		// moved on only once the round is told, so a failed round is read again
		FeedCursor reached = this.cursor;
		for (int page = 0; page < MAX_PAGES; page++) {
			FeedPage read = this.feed.read(reached, PAGE);
			reached = read.next();
			for (FeedEntry entry : read.entries()) {
				if (watched.contains(entry.workspace())) {
					activity.merge(entry.message().conversationId(), Activity.of(entry.message()), Activity::and);
				}
			}
			if (read.entries().size() < PAGE) {
				break;
			}
		}
		if (activity.isEmpty()) {
			this.cursor = reached;
			return;
		}
		Map<ConversationId, ConversationSnapshot> now = this.snapshots.of(activity.keySet());
		activity.forEach((id, seen) -> {
			ConversationSnapshot conversation = now.get(id);
			if (conversation != null) {
				this.fanout.activity(conversation, seen.lastSequence(), seen.lastMessageAt(), seen.notesOnly());
			}
		});
		this.cursor = reached;
	}

	/**
	 * What a round saw of one conversation.
	 *
	 * @param notesOnly whether every message was internal (notes, system lines)
	 */
	record Activity(long lastSequence, Instant lastMessageAt, boolean notesOnly) {

		static Activity of(Message message) {
			return new Activity(message.sequence(), message.createdAt(), message.isInternal());
		}

		Activity and(Activity later) {
			return new Activity(Math.max(this.lastSequence, later.lastSequence),
					this.lastMessageAt.isAfter(later.lastMessageAt) ? this.lastMessageAt : later.lastMessageAt,
					this.notesOnly && later.notesOnly);
		}

	}

}

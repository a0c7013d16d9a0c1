package io.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.parley.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages table read as a log: every message of every conversation, in the order
 * they were inserted, from a cursor a consumer keeps (webhooks, a cross-node fan-out,
 * automation). Nothing is written twice for it: a message's log position is a column of
 * its row. A message is read once it is committed and never skipped, even when
 * transactions commit in another order than they took their positions.
 */
@Service
public class MessageFeed {

	/** The most entries one read returns. */
	public static final int MAX_LIMIT = 1000;

	/** The longest name of a consumer. */
	public static final int MAX_CONSUMER_LENGTH = 100;

	/** The most gaps a cursor keeps; beyond it the oldest are given up. */
	static final int MAX_GAPS = 10_000;

	private static final int GAPS_PER_QUERY = 500;

	private static final Logger log = LoggerFactory.getLogger(MessageFeed.class);

	private final Messages messages;

	private final FeedCursors cursors;

	private final TransactionTemplate transactions;

	private final Duration gapTimeout;

	private final Clock clock;

	MessageFeed(Messages messages, FeedCursors cursors, TransactionTemplate transactions,
			@Value("${parley.messages.feed.gap-timeout}") Duration gapTimeout, Clock clock) {
		this.messages = messages;
		this.cursors = cursors;
		this.transactions = transactions;
		this.gapTimeout = gapTimeout;
		this.clock = clock;
	}

	/**
	 * The messages committed after the cursor (and those that filled its gaps), at most
	 * {@code limit}, in log order, and the cursor to read on from.
	 */
	public FeedPage read(FeedCursor after, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("A read of the log takes 1 to " + MAX_LIMIT + " entries: " + limit);
		}
		Instant now = Timestamps.now(this.clock);
		List<FeedEntry> entries = new ArrayList<>(filledGaps(after));
		SortedMap<Long, Instant> gaps = new TreeMap<>(after.gaps());
		entries.forEach((entry) -> gaps.remove(entry.position()));
		long position = after.position();
		List<FeedEntry> fresh = this.messages.afterLogPosition(position, limit);
		for (FeedEntry entry : fresh) {
			for (long missing = Math.max(position + 1, entry.position() - MAX_GAPS); missing < entry
				.position(); missing++) {
				gaps.put(missing, now);
			}
			position = entry.position();
		}
		entries.addAll(fresh);
		entries.sort(Comparator.comparingLong(FeedEntry::position));
		Instant expired = now.minus(this.gapTimeout);
		gaps.values().removeIf((noticed) -> noticed.isBefore(expired));
		while (gaps.size() > MAX_GAPS) {
			log.warn("The message log has more than {} open gaps: position {} is given up", MAX_GAPS, gaps.firstKey());
			gaps.remove(gaps.firstKey());
		}
		return new FeedPage(entries, new FeedCursor(position, gaps));
	}

	/**
	 * A cursor after every message committed now, without gaps: for a reader that wants
	 * only what comes from now on and keeps its cursor in memory (the inboxes' activity).
	 */
	public FeedCursor head() {
		return new FeedCursor(this.messages.lastLogPosition(), new TreeMap<>());
	}

	private List<FeedEntry> filledGaps(FeedCursor cursor) {
		List<FeedEntry> filled = new ArrayList<>();
		List<Long> gaps = new ArrayList<>(cursor.gaps().keySet());
		for (int from = 0; from < gaps.size(); from += GAPS_PER_QUERY) {
			filled
				.addAll(this.messages.atLogPositions(gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_QUERY))));
		}
		return filled;
	}

	/**
	 * Where a named consumer stands; {@link FeedCursor#START} before its first poll.
	 */
	public FeedCursor cursorOf(String consumer) {
		requireName(consumer);
		return this.cursors.find(consumer).orElse(FeedCursor.START);
	}

	/**
	 * Reads on from where the consumer stands, hands what it read to the handler, and
	 * moves the consumer's stored cursor past it once the handler returns: every message
	 * reaches a consumer at least once, and again only when a handler threw or a node
	 * stopped in between. Polls of one consumer take turns across threads and nodes; the
	 * handler runs in the transaction that holds its cursor.
	 * @return how many entries the handler got
	 */
	public int poll(String consumer, int limit, FeedHandler handler) {
		requireName(consumer);
		register(consumer);
		Integer handled = this.transactions.execute((status) -> {
			FeedCursor cursor = this.cursors.lock(consumer).orElseThrow();
			FeedPage page = read(cursor, limit);
			if (!page.entries().isEmpty()) {
				handler.handle(page.entries());
			}
			if (!page.next().equals(cursor)) {
				this.cursors.save(consumer, page.next(), Timestamps.now(this.clock));
			}
			return page.entries().size();
		});
		return (handled != null) ? handled : 0;
	}

	private static void requireName(String consumer) {
		if (consumer == null || consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
			throw new IllegalArgumentException(
					"A consumer of the log is named in 1 to " + MAX_CONSUMER_LENGTH + " characters: " + consumer);
		}
	}

	private void register(String consumer) {
		if (this.cursors.find(consumer).isPresent()) {
			return;
		}
		try {
			this.transactions.executeWithoutResult(
					(status) -> this.cursors.add(consumer, FeedCursor.START, Timestamps.now(this.clock)));
		}
		catch (DuplicateKeyException ex) {
			// registered by a poll of another thread or node meanwhile
		}
	}

}

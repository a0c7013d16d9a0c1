package io.parley.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.system.DatabaseUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Commits messages in groups on several writers, each owning the conversations whose id
 * falls to it: a conversation's messages are numbered and committed by one writer, in
 * order, while other writers use other database connections. A caller returns when its
 * message is committed, or is told the server is busy.
 */
@Component
class MessageWriter implements SmartLifecycle {

	static final int MAX_BATCH = 256;

	private final List<CommitLane<Draft, Outcome>> lanes = new ArrayList<>();

	MessageWriter(MessageBatch batch, DatabaseUrl database, MeterRegistry meters,
			@Value("${parley.messages.writers}") int writers,
			@Value("${parley.messages.queue-capacity}") int queueCapacity,
			@Value("${parley.messages.max-wait}") Duration maxWait) {
		int count = (writers > 0) ? writers : defaultWriters(database);
		DistributionSummary batchSizes = DistributionSummary.builder("parley.messages.batch.size")
			.description("Messages committed together")
			.register(meters);
		Timer commits = Timer.builder("parley.messages.batch.commit")
			.description("Time to commit a batch of messages")
			.register(meters);
		for (int i = 0; i < count; i++) {
			CommitLane<Draft, Outcome> lane = new CommitLane<>("parley-message-writer-" + i, queueCapacity, MAX_BATCH,
					maxWait, (drafts) -> {
						batchSizes.record(drafts.size());
						return commits.record(() -> batch.commit(drafts));
					});
			Gauge.builder("parley.messages.queue", lane, CommitLane::queued)
				.description("Messages waiting for their writer")
				.tag("writer", String.valueOf(i))
				.register(meters);
			this.lanes.add(lane);
		}
	}

	/**
	 * The embedded database commits one file, so a second writer only waits for the
	 * first; PostgreSQL commits on several backends at once.
	 */
	private static int defaultWriters(DatabaseUrl database) {
		return database.isPostgres() ? 4 : 1;
	}

	/**
	 * Appends a message and waits until it is committed.
	 * @throws io.parley.system.ParleyException when the author may not write to the
	 * conversation, it is closed, or the server is busy
	 */
	Outcome write(Draft draft) {
		Outcome outcome = laneOf(draft.conversation()).submit(draft);
		if (outcome.refusal() != null) {
			throw outcome.refusal();
		}
		return outcome;
	}

	private CommitLane<Draft, Outcome> laneOf(ConversationId conversation) {
		return this.lanes.get(Math.floorMod(conversation.value().hashCode(), this.lanes.size()));
	}

	@Override
	public void start() {
		this.lanes.forEach(CommitLane::start);
	}

	@Override
	public void stop() {
		this.lanes.forEach(CommitLane::stop);
	}

	@Override
	public boolean isRunning() {
		return this.lanes.stream().anyMatch(CommitLane::isRunning);
	}

	/** Stops after the web server, so nothing is accepted that cannot be stored. */
	@Override
	public int getPhase() {
		return 0;
	}

}

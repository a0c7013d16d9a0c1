package io.parley.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.parley.system.Timestamps;
import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every mailbox every {@code PARLEY_EMAIL_POLL_INTERVAL}. Each node polls, but a
 * mailbox is read by one node at a time: the one that took its lease (decision 91). A
 * lease a crashed node left runs out after {@link #LEASE}. The reading runs on a thread
 * of its own, so a slow mail server holds up no other scheduled work.
 */
@Component
class MailboxPoller {

	/** Longer than a sync of a large backlog takes; released as soon as it ends. */
	static final Duration LEASE = Duration.ofMinutes(10);

	private final EmailInboxes inboxes;

	private final MailboxSync sync;

	private final Clock clock;

	private final Rounds rounds = new Rounds("email-poller");

	MailboxPoller(EmailInboxes inboxes, MailboxSync sync, Clock clock) {
		this.inboxes = inboxes;
		this.sync = sync;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.email.poll-interval}", initialDelayString = "${parley.email.poll-interval}")
	void pollAll() {
		this.rounds.start(() -> this.inboxes.ids().forEach(this::poll));
	}

	@PreDestroy
	void stop() {
		this.rounds.stop();
	}

	/** Reads the mailbox, unless another node is reading it: then {@code false}. */
	boolean poll(UUID id) {
		Instant now = Timestamps.now(this.clock);
		if (!this.inboxes.lease(id, now, now.plus(LEASE))) {
			return false;
		}
		try {
			this.inboxes.find(id).ifPresent(this.sync::sync);
			return true;
		}
		finally {
			this.inboxes.release(id);
		}
	}

}

package io.parley.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.parley.system.Timestamps;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code PARLEY_GMAIL_POLL_INTERVAL}, for each connected Gmail inbox: renews its
 * watch when due, and reads its history when a push came, when pushes are not configured
 * (polling is then the way mail arrives), or when it was not read for {@link #STALE}, in
 * case a push was lost. A verified push starts a round at once. One node reads an inbox
 * at a time, by the inbox's lease (decision 91).
 */
@Component
class GmailPoller {

	private static final Logger log = LoggerFactory.getLogger(GmailPoller.class);

	static final Duration STALE = Duration.ofHours(1);

	private final EmailInboxes inboxes;

	private final GmailAccounts accounts;

	private final GmailSettings settings;

	private final GmailWatch watch;

	private final GmailSync sync;

	private final Clock clock;

	private final Rounds rounds = new Rounds("gmail-poller");

	private final AtomicBoolean again = new AtomicBoolean();

	GmailPoller(EmailInboxes inboxes, GmailAccounts accounts, GmailSettings settings, GmailWatch watch, GmailSync sync,
			Clock clock) {
		this.inboxes = inboxes;
		this.accounts = accounts;
		this.settings = settings;
		this.watch = watch;
		this.sync = sync;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${parley.email.gmail.poll-interval}",
			initialDelayString = "${parley.email.gmail.poll-interval}")
	void pollAll() {
		wake();
	}

	/** One round, on the caller's thread. */
	void pollAllNow() {
		if (this.settings.configured()) {
			for (UUID id : this.accounts.connected()) {
				try {
					poll(id);
				}
				catch (RuntimeException ex) {
					// one inbox (a token sealed under another key, say) holds up no other
					log.warn("Gmail inbox {} could not be served, it is tried again later: {}", id, ex.getMessage());
					this.inboxes.failed(id, ex.getClass().getSimpleName() + ": " + ex.getMessage());
				}
			}
		}
	}

	/**
	 * A push came: a round now, or one more after the round under way, which may have
	 * passed the pushed inbox already.
	 */
	void wake() {
		this.again.set(true);
		this.rounds.start(() -> {
			while (this.again.getAndSet(false)) {
				pollAllNow();
			}
		});
	}

	@PreDestroy
	void stop() {
		this.rounds.stop();
	}

	/** Serves the inbox, unless another node is at it: then {@code false}. */
	boolean poll(UUID id) {
		Instant now = Timestamps.now(this.clock);
		if (!this.inboxes.lease(id, now, now.plus(MailboxPoller.LEASE))) {
			return false;
		}
		try {
			EmailInbox inbox = this.inboxes.find(id).orElse(null);
			GmailAccounts.Account account = this.accounts.find(id).orElse(null);
			if (inbox == null || account == null || account.refreshToken() == null) {
				return true;
			}
			if (this.settings.watches() && this.watch.due(account.watchExpiresAt())) {
				this.watch.renew(inbox, account.refreshToken());
			}
			boolean pushed = this.accounts.takePush(id);
			Instant synced = inbox.state().lastSyncAt();
			boolean stale = synced == null || synced.isBefore(now.minus(STALE));
			if (pushed || !this.settings.takesPushes() || stale) {
				this.sync.read(inbox, account);
			}
			return true;
		}
		finally {
			this.inboxes.release(id);
		}
	}

}

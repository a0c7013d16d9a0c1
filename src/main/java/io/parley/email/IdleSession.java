package io.parley.email;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP IDLE connection to one mailbox's INBOX, on a thread of its own until
 * {@link #stop()}: whenever the folder's message count changes, and once on every
 * (re)connect for what came while it was away, it runs the poller's import (decision
 * 109). A dropped connection is opened again after a doubling wait, at most
 * {@link #MAX_BACKOFF} (decision 110).
 */
final class IdleSession implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(IdleSession.class);

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	/** How long an import waits for a lease another read holds, between tries. */
	private static final Duration LEASE_RETRY = Duration.ofSeconds(1);

	private static final int LEASE_TRIES = 60;

	private final UUID inbox;

	private final EmailInboxes inboxes;

	private final MailboxPoller poller;

	private final Duration renew;

	private final ScheduledExecutorService timer;

	private final Executor threads;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile @Nullable IMAPStore store;

	IdleSession(UUID inbox, EmailInboxes inboxes, MailboxPoller poller, Duration renew, ScheduledExecutorService timer,
			Executor threads) {
		this.inbox = inbox;
		this.inboxes = inboxes;
		this.poller = poller;
		this.renew = renew;
		this.timer = timer;
		this.threads = threads;
	}

	@Override
	public void run() {
		int failures = 0;
		while (!isStopped()) {
			Optional<EmailInbox> found = this.inboxes.find(this.inbox)
				.filter((inbox) -> inbox.kind() == EmailInbox.Kind.IMAP);
			if (found.isEmpty()) {
				return;
			}
			try {
				if (!watch(found.get())) {
					return;
				}
			}
			catch (MessagingException | RuntimeException ex) {
				if (isStopped()) {
					return;
				}
				String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				Duration wait = backoff(failures);
				// said once per outage; the retries of a server that stays away only at
				// debug
				if (failures++ == 0) {
					log.warn("IDLE on inbox {} lost its connection, it reconnects in {}: {}", this.inbox, wait, reason);
				}
				else {
					log.debug("IDLE on inbox {} still cannot connect, next try in {}: {}", this.inbox, wait, reason);
				}
				this.inboxes.failed(this.inbox, reason);
				pause(wait);
				continue;
			}
			finally {
				close();
			}
			failures = 0;
		}
	}

	/** The wait after {@code failures} failures in a row: 1s, 2s, 4s... at most 5m. */
	static Duration backoff(int failures) {
		Duration doubled = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures, 20));
		return (doubled.compareTo(MAX_BACKOFF) < 0) ? doubled : MAX_BACKOFF;
	}

	/**
	 * Connects and IDLEs until stopped: {@code false} when the server cannot IDLE, so
	 * that polling alone reads this mailbox.
	 */
	private boolean watch(EmailInbox inbox) throws MessagingException {
		String protocol = MailboxSync.protocol(inbox);
		// the server may stay silent for a whole IDLE; longer is a dead connection
		String silence = String.valueOf(this.renew.plusMinutes(2).toMillis());
		IMAPStore connected = (IMAPStore) Session.getInstance(MailboxSync.properties(protocol, silence))
			.getStore(protocol);
		this.store = connected;
		if (isStopped()) {
			return true;
		}
		connected.connect(inbox.imap().host(), inbox.imap().port(), inbox.imap().user(),
				this.inboxes.passwords(this.inbox).imap());
		if (isStopped()) {
			// stopped while connecting: its close came too early, run() closes the store
			return true;
		}
		if (!connected.hasCapability("IDLE")) {
			log.info("The IMAP server of inbox {} cannot IDLE: it is polled only", this.inbox);
			return false;
		}
		IMAPFolder folder = (IMAPFolder) connected.getFolder("INBOX");
		folder.open(Folder.READ_ONLY);
		this.inboxes.reachable(this.inbox);
		int seen = -1;
		while (!isStopped()) {
			int count = folder.getMessageCount();
			if (count != seen) {
				seen = count;
				importNew();
				continue;
			}
			// servers end an IDLE after about 29 minutes: it is renewed before
			ScheduledFuture<?> wake = this.timer.schedule(() -> this.threads.execute(() -> wake(folder)),
					this.renew.toMillis(), TimeUnit.MILLISECONDS);
			try {
				folder.idle(true);
			}
			finally {
				wake.cancel(false);
			}
		}
		return true;
	}

	/** Ends the IDLE, as any other command on the folder does, so it is issued anew. */
	private void wake(IMAPFolder folder) {
		try {
			folder.getMessageCount();
		}
		catch (MessagingException | RuntimeException ex) {
			// the IDLE thread sees the same failure and reconnects
		}
	}

	/**
	 * The poller's import, one at a time with the poller's and other nodes' (the lease).
	 */
	private void importNew() {
		for (int tries = 0; tries < LEASE_TRIES && !isStopped(); tries++) {
			if (this.poller.poll(this.inbox)) {
				return;
			}
			pause(LEASE_RETRY);
		}
	}

	/** Ends the connection; the thread then stops without a word. */
	void stop() {
		this.stopped.countDown();
		this.threads.execute(this::close);
	}

	boolean isStopped() {
		return this.stopped.getCount() == 0;
	}

	private void close() {
		IMAPStore current = this.store;
		if (current != null) {
			try {
				current.close();
			}
			catch (MessagingException | RuntimeException ex) {
				// closing a dropped connection: nothing left to end
			}
		}
	}

	private void pause(Duration wait) {
		try {
			this.stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopped.countDown();
		}
	}

}

package io.parley.email;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps one IMAP IDLE connection ({@link IdleSession}) open per IMAP mailbox while
 * {@code PARLEY_EMAIL_IDLE} is on, so new mail is imported within seconds; the poller
 * still reads every mailbox, for servers without IDLE and for anything IDLE missed
 * (decision 109). The sessions follow the mailboxes: started when the application is
 * ready, restarted when one is added or changed, stopped when it is removed, and matched
 * against the stored mailboxes every poll interval (a mailbox another node added, a
 * workspace deleted).
 */
@Component
class MailboxIdle {

	private final EmailInboxes inboxes;

	private final MailboxPoller poller;

	private final boolean enabled;

	private final Duration renew;

	private final Map<UUID, IdleSession> sessions = new ConcurrentHashMap<>();

	private final ExecutorService threads;

	private final ScheduledExecutorService timer;

	private volatile boolean closing;

	MailboxIdle(EmailInboxes inboxes, MailboxPoller poller, @Value("${parley.email.idle}") boolean enabled,
			@Value("${parley.email.idle-renew}") Duration renew) {
		this.inboxes = inboxes;
		this.poller = poller;
		this.enabled = enabled;
		this.renew = renew;
		AtomicInteger number = new AtomicInteger();
		this.threads = Executors.newCachedThreadPool((task) -> daemon(task, "email-idle-" + number.incrementAndGet()));
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "email-idle-renew"));
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		reconcile();
	}

	@Scheduled(fixedDelayString = "${parley.email.poll-interval}", initialDelayString = "${parley.email.poll-interval}")
	void reconcile() {
		if (!this.enabled || this.closing) {
			return;
		}
		Set<UUID> ids = new HashSet<>(this.inboxes.ids());
		this.sessions.keySet().stream().filter((id) -> !ids.contains(id)).toList().forEach(this::stop);
		ids.forEach((id) -> this.sessions.computeIfAbsent(id, this::open));
	}

	/**
	 * Opens the mailbox's IDLE anew, with what it now holds, once the transaction that
	 * added, changed or removed it has committed.
	 */
	void changed(UUID id) {
		if (!this.enabled) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					restart(id);
				}
			});
		}
		else {
			restart(id);
		}
	}

	private synchronized void restart(UUID id) {
		stop(id);
		if (!this.closing && this.inboxes.ids().contains(id)) {
			this.sessions.computeIfAbsent(id, this::open);
		}
	}

	/** The mailboxes with a session, for the tests. */
	Set<UUID> watched() {
		return Set.copyOf(this.sessions.keySet());
	}

	private IdleSession open(UUID id) {
		IdleSession session = new IdleSession(id, this.inboxes, this.poller, this.renew, this.timer, this.threads);
		this.threads.execute(session);
		return session;
	}

	private void stop(UUID id) {
		IdleSession session = this.sessions.remove(id);
		if (session != null) {
			session.stop();
		}
	}

	@PreDestroy
	void close() throws InterruptedException {
		this.closing = true;
		this.sessions.keySet().stream().toList().forEach(this::stop);
		this.timer.shutdownNow();
		this.threads.shutdown();
		if (!this.threads.awaitTermination(5, TimeUnit.SECONDS)) {
			this.threads.shutdownNow();
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}

package io.parley.email;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a schedule starts, run on a thread of its own so a slow mail server holds up no
 * other scheduled work, and at most one round at a time: a round that takes longer than
 * the interval is not queued behind itself.
 */
final class Rounds {

	private static final Logger log = LoggerFactory.getLogger(Rounds.class);

	private final ExecutorService thread;

	private final AtomicBoolean running = new AtomicBoolean();

	Rounds(String name) {
		this.thread = Executors.newSingleThreadExecutor((task) -> {
			Thread created = new Thread(task, name);
			created.setDaemon(true);
			return created;
		});
	}

	void start(Runnable round) {
		if (this.running.compareAndSet(false, true)) {
			this.thread.execute(() -> {
				try {
					round.run();
				}
				catch (RuntimeException ex) {
					log.warn("A round of {} failed, the next one tries again", Thread.currentThread().getName(), ex);
				}
				finally {
					this.running.set(false);
				}
			});
		}
	}

	void stop() {
		this.thread.shutdownNow();
	}

}

package io.parley.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * An open-loop schedule: the i-th action is due at {@code start + i * period}, whether or not the server
 * kept up with the ones before. Latency is measured from the due time, so queueing in a slow server
 * cannot hide.
 */
final class Schedule {

	private Schedule() {
	}

	/**
	 * Runs {@code action} with each due time (from {@link System#nanoTime()}) until {@code endNanos}.
	 * @return how many actions were due at or after {@code measureStartNanos}
	 */
	static long run(long startNanos, long endNanos, long measureStartNanos, int perSecond, LongConsumer action) {
		double period = 1e9 / perSecond;
		long measured = 0;
		for (long i = 0;; i++) {
			long due = startNanos + (long) (i * period);
			if (due >= endNanos) {
				return measured;
			}
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			action.accept(due);
			if (due >= measureStartNanos) {
				measured++;
			}
		}
	}

}

package io.parley.bench;

import java.util.concurrent.TimeUnit;

/**
 * Waiting in the generator.
 */
final class Pause {

	private Pause() {
	}

	/** Collects the generator's own garbage now, so its pauses do not land in a measurement. */
	@SuppressWarnings("java:S1215")
	static void collectGarbage() {
		System.gc();
	}

	static void until(long nanos) {
		long wait;
		while ((wait = nanos - System.nanoTime()) > 0) {
			millis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
		}
	}

	static void millis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

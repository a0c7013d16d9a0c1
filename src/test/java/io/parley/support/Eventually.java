package io.parley.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits for something the application does on its own time (a socket closed, a process
 * started) by asking again and again until it holds, instead of sleeping for a guessed
 * while: a test waits no longer than needed, and a slow machine only fails it after the
 * timeout, with a message saying what never happened. (Awaitility would do this, but does
 * not resolve from the Maven repository these machines reach.)
 */
public final class Eventually {

	/**
	 * Long enough for a busy two-core machine, short enough to fail a broken test soon.
	 */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(20);

	private Eventually() {
	}

	/**
	 * Asks {@code probe} until its answer is accepted, at most {@link #TIMEOUT}.
	 * @param what what is awaited, for the failure message
	 * @return the accepted answer
	 */
	public static <T> T until(String what, Probe<T> probe, Predicate<? super T> accepted) {
		return until(what, TIMEOUT, probe, accepted);
	}

	/** Waits until {@code condition} is true, at most {@link #TIMEOUT}. */
	public static void until(String what, Probe<Boolean> condition) {
		until(what, TIMEOUT, condition, Boolean.TRUE::equals);
	}

	/** Waits until {@code condition} is true, at most {@code timeout}. */
	public static void until(String what, Duration timeout, Probe<Boolean> condition) {
		until(what, timeout, condition, Boolean.TRUE::equals);
	}

	/**
	 * Asks {@code probe} until its answer is accepted, at most {@code timeout}. An
	 * exception from the probe counts as "not yet" (a server still starting refuses
	 * connections); an {@link AssertionError} fails at once.
	 */
	public static <T> T until(String what, Duration timeout, Probe<T> probe, Predicate<? super T> accepted) {
		long deadline = System.nanoTime() + timeout.toNanos();
		T last = null;
		Exception failure = null;
		while (true) {
			try {
				last = probe.get();
				failure = null;
				if (accepted.test(last)) {
					return last;
				}
			}
			catch (Exception ex) {
				failure = ex;
			}
			if (System.nanoTime() - deadline >= 0) {
				String answer = (failure != null) ? "the last try threw " + failure : "the last answer was " + last;
				throw new AssertionError("Waited " + timeout.toMillis() + " ms until " + what + ", but " + answer,
						failure);
			}
			LockSupport.parkNanos(POLL.toNanos());
		}
	}

	/**
	 * Checks that {@code condition} stays true for all of {@code period}: a wait for
	 * something that must not happen cannot end early, but it can fail as soon as it
	 * does.
	 */
	public static void holdsFor(String what, Duration period, Probe<Boolean> condition) throws Exception {
		long end = System.nanoTime() + period.toNanos();
		do {
			if (!Boolean.TRUE.equals(condition.get())) {
				throw new AssertionError("Expected " + what + " for " + period.toMillis() + " ms, but it changed");
			}
			LockSupport.parkNanos(POLL.toNanos());
		}
		while (System.nanoTime() - end < 0);
	}

	/** A question to the application that may fail while the answer is not there yet. */
	@FunctionalInterface
	public interface Probe<T> {

		T get() throws Exception;

	}

}

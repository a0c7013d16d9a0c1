package io.parley.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time, moved forward by however far a
 * test has pushed it. A test that needs time to pass (a link to expire, a contact to be
 * seen later) {@link #advance advances} it instead of sleeping, and {@link #reset resets}
 * it after itself, so the next test of the shared application starts on the system's time
 * again (tokens issued before a jump of a week would be expired otherwise). A test that
 * needs exact instants {@link #stopAt stops} it.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** Where the clock stands still, or {@code null} while it runs. */
	private final AtomicReference<Instant> stopped = new AtomicReference<>();

	@Override
	public Instant instant() {
		Instant at = this.stopped.get();
		return (at != null) ? at : Instant.now().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Parley's clock is UTC");
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("The clock only moves forward, not by " + duration);
		}
		if (this.stopped.get() != null) {
			this.stopped.updateAndGet((at) -> at.plus(duration));
			return;
		}
		this.offset.accumulateAndGet(duration, Duration::plus);
	}

	/**
	 * Stops the clock at a later instant, for a test that sets the time of each thing it
	 * does exactly (a report's fixture): it stands still until {@link #advance advanced}
	 * or {@link #reset}.
	 */
	public void stopAt(Instant at) {
		if (at.isBefore(instant())) {
			throw new IllegalArgumentException("The clock only moves forward, not back to " + at);
		}
		this.stopped.set(at);
	}

	/** Moves a stopped clock forward to a later instant. */
	public void advanceTo(Instant at) {
		stopAt(at);
	}

	/** Back to the system's time, running. */
	public void reset() {
		this.stopped.set(null);
		this.offset.set(Duration.ZERO);
	}

	/**
	 * Puts the test clock in place of the system clock, for every test of the shared
	 * application (see {@link ParleyIntegrationTest}).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}

package io.parley.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the API shows them: UTC, millisecond precision,
 * {@code 2025-03-11T10:30:00.000Z}.
 */
public final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	private Timestamps() {
	}

	/**
	 * Whether every supported database can compare with the instant: years 1 to 9999
	 * (PostgreSQL refuses some instants beyond, H2 does not).
	 */
	public static boolean isStorable(Instant instant) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}

	/** Now on the clock, truncated to what is stored and shown. */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}

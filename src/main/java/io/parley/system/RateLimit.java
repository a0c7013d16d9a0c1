package io.parley.system;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * How many requests a key may make in a period, refilled evenly over it: written
 * {@code 30/1m} (30 a minute), {@code 100/1s}, {@code 20/1h}.
 *
 * @param name what is limited, to keep the buckets of two limits apart
 */
public record RateLimit(String name, long capacity, Duration period) {

	public RateLimit {
		if (capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit allows at least 1 request in a period: " + name);
		}
	}

	/**
	 * @throws IllegalArgumentException when the text is not {@code COUNT/DURATION}
	 */
	public static RateLimit parse(String name, String text) {
		int slash = text.indexOf('/');
		if (slash < 1) {
			throw new IllegalArgumentException(
					"A rate limit is written COUNT/DURATION, for example 30/1m, not '" + text + "': " + name);
		}
		return new RateLimit(name, Long.parseLong(text.substring(0, slash).trim()),
				DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
	}

}

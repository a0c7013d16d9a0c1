package io.parley.analytics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/**
 * How long a clock ran over a set of conversations: how many there were, the median and
 * the 90th percentile. Percentiles interpolate linearly between the two nearest
 * durations, as SQL's {@code percentile_cont} does: the median of 10 and 20 minutes is
 * 15. Both are {@code null} over no conversation.
 */
public record DurationSummary(long count, Duration median, Duration p90) {

	public static final DurationSummary NONE = new DurationSummary(0, null, null);

	/** The summary of durations in milliseconds, in any order. */
	static DurationSummary of(Collection<Long> millis) {
		if (millis.isEmpty()) {
			return NONE;
		}
		long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return new DurationSummary(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9));
	}

	/**
	 * The value at rank {@code p × (n − 1)} of the sorted values, counted from 0,
	 * interpolated between its neighbours and rounded to the millisecond, halves up.
	 */
	static Duration percentile(long[] sorted, double p) {
		double rank = p * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.length - 1);
		double value = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
		return Duration.ofMillis(Math.round(value));
	}

}

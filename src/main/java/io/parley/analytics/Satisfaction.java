package io.parley.analytics;

import java.util.Collection;

/**
 * The customers' ratings (CSAT): how many rated, how many were satisfied (a score of 4 or
 * 5 of 5), the satisfied share of the ratings (0 to 1) and the average score. The share
 * and the average are {@code null} without ratings.
 */
public record Satisfaction(long ratings, long satisfied, Double satisfiedShare, Double averageScore) {

	/** The lowest score that counts as satisfied. */
	public static final int SATISFIED_FROM = 4;

	public static final Satisfaction NONE = new Satisfaction(0, 0, null, null);

	static Satisfaction of(Collection<Integer> scores) {
		if (scores.isEmpty()) {
			return NONE;
		}
		long satisfied = scores.stream().filter((score) -> score >= SATISFIED_FROM).count();
		long sum = scores.stream().mapToLong(Integer::longValue).sum();
		return new Satisfaction(scores.size(), satisfied, (double) satisfied / scores.size(),
				(double) sum / scores.size());
	}

}

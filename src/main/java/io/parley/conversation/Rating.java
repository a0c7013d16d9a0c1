package io.parley.conversation;

import java.time.Instant;

/**
 * How the customer rated a resolved conversation (CSAT): a score from 1 to 5 and an
 * optional comment.
 *
 * @param comment what they added, or {@code null}
 */
public record Rating(int score, String comment, Instant ratedAt) {

	public static final int MIN_SCORE = 1;

	public static final int MAX_SCORE = 5;

	public static final int MAX_COMMENT_LENGTH = 1000;

}

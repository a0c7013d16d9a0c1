package io.parley.system;

import java.time.Duration;

/**
 * A caller is over a rate limit: answered 429 with {@code Retry-After}.
 */
public class RateLimitedException extends ParleyException {

	private final Duration retryAfter;

	public RateLimitedException(Duration retryAfter) {
		super(ErrorCode.TOO_MANY_REQUESTS);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** {@code Retry-After} in whole seconds, at least one. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}

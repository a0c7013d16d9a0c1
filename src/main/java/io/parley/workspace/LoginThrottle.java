package io.parley.workspace;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.system.RateLimitedException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows guessing an account's password: after a number of failed log-ins, each further
 * attempt on that address must wait, twice as long after each failure (1 s, 2 s, 4 s,
 * ..., at most 15 minutes), whether or not an account has the address, so the answer
 * tells nothing about it. A successful log-in, or an hour without failures, forgets them.
 */
@Component
class LoginThrottle {

	private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	private static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

	private static final Duration MEMORY = Duration.ofHours(1);

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(MEMORY)
		.build();

	private final int allowed;

	LoginThrottle(@Value("${parley.rate-limit.login-failures}") int allowed) {
		this.allowed = allowed;
	}

	/**
	 * @throws RateLimitedException while the address must wait
	 */
	void requireAllowed(String email, Instant now) {
		Failures recorded = this.failures.getIfPresent(email);
		if (recorded != null && recorded.until().isAfter(now)) {
			throw new RateLimitedException(Duration.between(now, recorded.until()));
		}
	}

	void failed(String email, Instant now) {
		this.failures.asMap().compute(email, (key, recorded) -> {
			int count = ((recorded != null) ? recorded.count() : 0) + 1;
			return new Failures(count, (count < this.allowed) ? now : now.plus(delayAfter(count - this.allowed)));
		});
	}

	void succeeded(String email) {
		this.failures.invalidate(email);
	}

	private static Duration delayAfter(int beyond) {
		return (beyond >= 20) ? LONGEST_DELAY : min(FIRST_DELAY.multipliedBy(1L << beyond), LONGEST_DELAY);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private record Failures(int count, Instant until) {
	}

}

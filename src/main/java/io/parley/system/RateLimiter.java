package io.parley.system;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) by limit and key (an address, an account), kept in memory
 * while they are in use: a key idle for longer than its limit's period has a full bucket
 * again, so it is forgotten.
 */
@Component
public class RateLimiter {

	private static final int MAX_KEYS = 100_000;

	private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_KEYS)
		.expireAfter(new IdleForAPeriod())
		.build();

	/**
	 * Takes one request from the key's bucket.
	 * @return empty when allowed; otherwise how long until a request is allowed again
	 */
	public Optional<Duration> acquire(RateLimit limit, String key) {
		Bucket bucket = this.buckets.get(new Key(limit, key), RateLimiter::bucket);
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Takes one request from the key's bucket.
	 * @throws RateLimitedException when the key is over the limit
	 */
	public void require(RateLimit limit, String key) {
		Optional<Duration> wait = acquire(limit, key);
		if (wait.isPresent()) {
			throw new RateLimitedException(wait.get());
		}
	}

	/** A bucket of its own, for a limit that belongs to one object (a socket). */
	public static Bucket bucket(RateLimit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.capacity(), limit.period())
				.build())
			.build();
	}

	private static Bucket bucket(Key key) {
		return bucket(key.limit());
	}

	private record Key(RateLimit limit, String key) {
	}

	private static final class IdleForAPeriod implements com.github.benmanes.caffeine.cache.Expiry<Key, Bucket> {

		@Override
		public long expireAfterCreate(Key key, Bucket bucket, long currentTime) {
			return key.limit().period().toNanos();
		}

		@Override
		public long expireAfterUpdate(Key key, Bucket bucket, long currentTime, long currentDuration) {
			return key.limit().period().toNanos();
		}

		@Override
		public long expireAfterRead(Key key, Bucket bucket, long currentTime, long currentDuration) {
			return key.limit().period().toNanos();
		}

	}

}

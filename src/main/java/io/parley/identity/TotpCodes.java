package io.parley.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes as every authenticator app makes them by default: HMAC-SHA1, six digits,
 * a new code every 30 seconds. A code of the step before or after the current one is
 * accepted too, for clocks that drift and people who type slowly.
 */
final class TotpCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	/** 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
	static final int SEED_BYTES = 20;

	private static final int DRIFT_STEPS = 1;

	private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
			DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private TotpCodes() {
	}

	static byte[] newSeed() {
		byte[] seed = new byte[SEED_BYTES];
		RANDOM.nextBytes(seed);
		return seed;
	}

	static boolean looksLikeCode(String code) {
		return CODE.matcher(code).matches();
	}

	/**
	 * The time step whose code {@code code} is, within the accepted drift of {@code now};
	 * empty when it is none of them.
	 */
	static OptionalLong matchingStep(byte[] seed, String code, Instant now) {
		if (!looksLikeCode(code)) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP.getSeconds();
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			byte[] expected = code(seed, step).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, given)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static String code(byte[] seed, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(seed, "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.getSeconds()), Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

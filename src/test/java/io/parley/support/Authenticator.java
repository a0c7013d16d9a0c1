package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * An authenticator app, in a test: it takes the base32 secret Parley hands out at
 * enrolment and makes the codes a phone would, with the same library Parley checks them
 * with, at the time of the {@link TestClock}. Its base32 decoding is its own, so a fault
 * in Parley's encoding shows.
 */
public final class Authenticator {

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30), 6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private final byte[] seed;

	private Authenticator(byte[] seed) {
		this.seed = seed;
	}

	public static Authenticator of(String base32Secret) {
		return new Authenticator(decode(base32Secret));
	}

	public String codeAt(Instant time) {
		try {
			return TOTP.generateOneTimePasswordString(new SecretKeySpec(this.seed, "HmacSHA1"), time, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The seed the secret encodes. */
	public byte[] seed() {
		return this.seed.clone();
	}

	private static byte[] decode(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			int value = alphabet.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not base32: " + c);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				bytes.write((int) (buffer >> bits) & 0xff);
			}
		}
		return bytes.toByteArray();
	}

}

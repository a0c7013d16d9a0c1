package io.parley.oidc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import io.parley.system.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * A single-use code of the sign-in round trip (a link ticket, or the callback's outcome):
 * 32 random bytes, base64url; only its SHA-256 is stored, as for refresh tokens.
 */
record OneTimeCode(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	static OneTimeCode random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new OneTimeCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** A code a client presents; empty when it cannot be one Parley issued. */
	static Optional<OneTimeCode> parse(@Nullable String value) {
		return (value != null && SHAPE.matcher(value).matches()) ? Optional.of(new OneTimeCode(value))
				: Optional.empty();
	}

	String hash() {
		return Sha256.hex(this.value);
	}

	/** Keeps the code out of logs and exception messages. */
	@Override
	public String toString() {
		return "OneTimeCode[redacted]";
	}

}

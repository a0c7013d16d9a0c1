package io.parley.workspace;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import io.parley.system.Sha256;

/**
 * A refresh token: 32 random bytes (256 bits), base64url. Only its SHA-256 is stored
 * (decision 50): a fast hash is enough for a random secret nobody chose, and a copy of
 * the database holds no token a client could present.
 */
record RefreshToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	static RefreshToken random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The token a client presents; empty when it cannot be one Parley issued. */
	static Optional<RefreshToken> parse(String value) {
		return (value != null && SHAPE.matcher(value).matches()) ? Optional.of(new RefreshToken(value))
				: Optional.empty();
	}

	/** The value of the {@code token_hash} column: SHA-256, in lower-case hex. */
	String hash() {
		return Sha256.hex(this.value);
	}

	/** Keeps the token out of logs and exception messages. */
	@Override
	public String toString() {
		return "RefreshToken[redacted]";
	}

}

package io.parley.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 is
 * stored, so a copy of the database opens no workspace; a fast hash is enough because the
 * secret is random, not chosen by a person.
 */
record InvitationSecret(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static InvitationSecret random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new InvitationSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The value of the {@code token_hash} column: SHA-256, in lower-case hex. */
	String hash() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(this.value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Keeps the secret out of logs and exception messages. */
	@Override
	public String toString() {
		return "InvitationSecret[redacted]";
	}

}

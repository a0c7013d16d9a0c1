package io.parley.workspace;

import java.security.SecureRandom;
import java.util.Base64;

import io.parley.system.Sha256;

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
		return Sha256.hex(this.value);
	}

	/** Keeps the secret out of logs and exception messages. */
	@Override
	public String toString() {
		return "InvitationSecret[redacted]";
	}

}

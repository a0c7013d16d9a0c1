package io.parley.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What is stored in place of a random secret (a refresh token, a link's secret, a
 * challenge, a code): its SHA-256. A fast hash is enough for secrets nobody chose; a
 * password goes through {@code Passwords} instead.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}

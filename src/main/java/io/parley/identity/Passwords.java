package io.parley.identity;

import java.nio.charset.StandardCharsets;

import io.parley.system.ErrorCode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with BCrypt, which reads at most 72 bytes of a password.
 */
@Component
class Passwords {

	static final int MAX_BYTES = 72;

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

	/**
	 * Compared against when no user has the email, so a log-in takes as long either way.
	 */
	private final String decoy = this.encoder.encode("parley-decoy-password");

	String hash(String password) {
		if (!fits(password)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return fits(password) && this.encoder.matches(password, hash);
	}

	void spendDecoyCheck(String password) {
		if (fits(password)) {
			this.encoder.matches(password, this.decoy);
		}
	}

	private static boolean fits(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

}

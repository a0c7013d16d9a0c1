package io.parley.identity;

import java.nio.charset.StandardCharsets;

import io.parley.system.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with BCrypt, which reads at most 72 bytes of a password.
 * The cost ({@code parley.password.cost}, 2^cost rounds) applies to new hashes; a stored
 * hash carries its own cost, so changing it never locks anyone out.
 */
@Component
public class Passwords {

	static final int MAX_BYTES = 72;

	/** BCrypt's own bounds: below 4 it refuses, above 31 the rounds overflow. */
	private static final int MIN_COST = 4;

	private static final int MAX_COST = 31;

	private final BCryptPasswordEncoder encoder;

	/**
	 * Compared against when no user has the email, so a log-in takes as long either way.
	 */
	private final String decoy;

	Passwords(@Value("${parley.password.cost}") int cost) {
		if (cost < MIN_COST || cost > MAX_COST) {
			throw new IllegalStateException("PARLEY_PASSWORD_COST (parley.password.cost) must be from " + MIN_COST
					+ " to " + MAX_COST + ", not " + cost);
		}
		this.encoder = new BCryptPasswordEncoder(cost);
		this.decoy = this.encoder.encode("parley-decoy-password");
	}

	public String hash(String password) {
		if (!fits(password)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return this.encoder.encode(password);
	}

	public boolean matches(String password, String hash) {
		return fits(password) && this.encoder.matches(password, hash);
	}

	public void spendDecoyCheck(String password) {
		if (fits(password)) {
			this.encoder.matches(password, this.decoy);
		}
	}

	private static boolean fits(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

}

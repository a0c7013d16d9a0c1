package io.parley.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.parley.system.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ten single-use codes for when the authenticator is lost. Each is 16 random characters
 * of Crockford's base32 (80 bits), shown as {@code xxxx-xxxx-xxxx-xxxx}; that is too much
 * to guess even from a stolen hash, so they are stored as SHA-256 of the user id and the
 * code rather than with a slow hash, and are found by that hash (decision 53).
 */
@Repository
class BackupCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

	private static final int LENGTH = 16;

	private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	BackupCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** New codes in place of any the account had; the codes are not kept. */
	List<String> replace(UserId user) {
		deleteAll(user);
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			String code = newCode();
			this.jdbc.sql("INSERT INTO two_factor_backup_codes (user_id, code_hash) VALUES (?, ?)")
				.params(user.value(), hash(user, code))
				.update();
			codes.add(String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12),
					code.substring(12)));
		}
		return codes;
	}

	/** Spends a code: false when it is not one of the account's unused codes. */
	boolean use(UserId user, String given, Instant now) {
		String code = normalize(given);
		if (!CODE.matcher(code).matches()) {
			return false;
		}
		return this.jdbc
			.sql("UPDATE two_factor_backup_codes SET used_at = :now "
					+ "WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("user", user.value())
			.param("hash", hash(user, code))
			.update() == 1;
	}

	int remaining(UserId user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM two_factor_backup_codes WHERE user_id = ? AND used_at IS NULL")
			.param(user.value())
			.query(Integer.class)
			.single();
	}

	void deleteAll(UserId user) {
		this.jdbc.sql("DELETE FROM two_factor_backup_codes WHERE user_id = ?").param(user.value()).update();
	}

	/**
	 * As typed: case, spaces and hyphens do not matter; Crockford's look-alikes read as
	 * digits.
	 */
	private static String normalize(String code) {
		return code.toLowerCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('o', '0')
			.replace('i', '1')
			.replace('l', '1');
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	private static String hash(UserId user, String code) {
		return Sha256.hex(user + ":" + code);
	}

}

package io.parley.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import io.parley.system.Encryption;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts' TOTP seeds, sealed at rest with the user id as context. Whether a code may be
 * used is decided by conditional updates, so two requests with one code cannot both pass.
 */
@Repository
class Authenticators {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	Authenticators(JdbcClient jdbc, Encryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	Optional<Authenticator> find(UserId user) {
		return this.jdbc.sql("SELECT sealed_seed, enabled, last_used_step FROM two_factor WHERE user_id = ?")
			.param(user.value())
			.query((row, number) -> new Authenticator(user,
					this.encryption.open(row.getString("sealed_seed"), context(user)), row.getBoolean("enabled"),
					row.getLong("last_used_step")))
			.optional();
	}

	boolean isEnabled(UserId user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM two_factor WHERE user_id = ? AND enabled = TRUE")
			.param(user.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A new pending seed in place of an earlier pending one; nothing when the account has
	 * an enabled one.
	 * @return whether it was stored
	 */
	boolean startPending(UserId user, byte[] seed, Instant now) {
		String sealed = this.encryption.seal(seed, context(user));
		if (replacePending(user, sealed, now)) {
			return true;
		}
		try {
			this.jdbc
				.sql("INSERT INTO two_factor (user_id, sealed_seed, enabled, last_used_step, created_at) "
						+ "VALUES (:user, :seed, FALSE, 0, :now)")
				.param("user", user.value())
				.param("seed", sealed)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// a concurrent start stored a pending seed first (or one was enabled
			// meanwhile)
			return replacePending(user, sealed, now);
		}
	}

	private boolean replacePending(UserId user, String sealed, Instant now) {
		return this.jdbc.sql(
				"UPDATE two_factor SET sealed_seed = :seed, created_at = :now WHERE user_id = :user AND enabled = FALSE")
			.param("seed", sealed)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("user", user.value())
			.update() == 1;
	}

	/** Turns a pending seed on with the step of its first code. */
	boolean enable(UserId user, long step, Instant now) {
		return this.jdbc
			.sql("UPDATE two_factor SET enabled = TRUE, enabled_at = :now, last_used_step = :step "
					+ "WHERE user_id = :user AND enabled = FALSE")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("step", step)
			.param("user", user.value())
			.update() == 1;
	}

	/**
	 * Spends the code of a time step: false when a code of this step or a later one was
	 * used already (a replay).
	 */
	boolean useStep(UserId user, long step) {
		return this.jdbc
			.sql("UPDATE two_factor SET last_used_step = :step "
					+ "WHERE user_id = :user AND enabled = TRUE AND last_used_step < :step")
			.param("step", step)
			.param("user", user.value())
			.update() == 1;
	}

	void delete(UserId user) {
		this.jdbc.sql("DELETE FROM two_factor WHERE user_id = ?").param(user.value()).update();
	}

	private static String context(UserId user) {
		return "two-factor-seed:" + user;
	}

	record Authenticator(UserId user, byte[] seed, boolean enabled, long lastUsedStep) {
	}

}

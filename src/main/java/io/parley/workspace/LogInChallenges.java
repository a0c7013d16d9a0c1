package io.parley.workspace;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second step of log-ins: a random secret handed out once the password was right,
 * stored as its SHA-256 in the database (so any node can finish the log-in), good for a
 * few minutes, a few attempts and one success.
 */
@Repository
class LogInChallenges {

	/** Wrong codes one challenge takes before the password must be given again. */
	static final int MAX_ATTEMPTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	LogInChallenges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new challenge for the member; forgets expired ones. */
	String issue(Member member, boolean enrolment, Instant now, Duration lifetime) {
		this.jdbc.sql("DELETE FROM login_challenges WHERE expires_at < ?").param(now.atOffset(ZoneOffset.UTC)).update();
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc
			.sql("INSERT INTO login_challenges (secret_hash, user_id, workspace_id, enrolment, attempts, expires_at) "
					+ "VALUES (:hash, :user, :workspace, :enrolment, 0, :expires)")
			.param("hash", hash(secret))
			.param("user", member.userId().value())
			.param("workspace", member.workspaceId().value())
			.param("enrolment", enrolment)
			.param("expires", now.plus(lifetime).atOffset(ZoneOffset.UTC))
			.update();
		return secret;
	}

	/**
	 * Counts an attempt on the challenge, committed at once whatever the attempt's
	 * outcome; empty when the challenge is unknown, expired or out of attempts.
	 */
	Optional<Challenge> attempt(String secret, Instant now) {
		String hash = hash(secret);
		int counted = this.jdbc
			.sql("UPDATE login_challenges SET attempts = attempts + 1 "
					+ "WHERE secret_hash = :hash AND attempts < :max AND expires_at > :now")
			.param("hash", hash)
			.param("max", MAX_ATTEMPTS)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		if (counted == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT user_id, workspace_id, enrolment FROM login_challenges WHERE secret_hash = ?")
			.param(hash)
			.query((row, number) -> new Challenge(new UserId(row.getObject("user_id", UUID.class)),
					new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getBoolean("enrolment")))
			.optional();
	}

	/** Uses the challenge up: false when another request did first. */
	boolean spend(String secret) {
		return this.jdbc.sql("DELETE FROM login_challenges WHERE secret_hash = ?").param(hash(secret)).update() == 1;
	}

	private static String hash(String secret) {
		return Sha256.hex(secret);
	}

	/**
	 * @param enrolment whether the member has no second factor yet and sets one up in
	 * this step
	 */
	record Challenge(UserId userId, WorkspaceId workspaceId, boolean enrolment) {
	}

}

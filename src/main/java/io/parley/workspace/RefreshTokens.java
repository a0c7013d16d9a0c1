package io.parley.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores sessions and their refresh tokens, each token by its hash (never the token).
 */
@Repository
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void startSession(SessionId session, Member member, Instant now, Instant end) {
		this.jdbc.sql("""
				INSERT INTO sessions (id, workspace_id, user_id, started_at, expires_at)
				VALUES (:id, :workspace, :user, :now, :end)
				""")
			.param("id", session.value())
			.param("workspace", member.workspaceId().value())
			.param("user", member.userId().value())
			.param("now", utc(now))
			.param("end", utc(end))
			.update();
	}

	void add(RefreshToken token, SessionId session, Instant now, Instant expires) {
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at, used_at)
				VALUES (:hash, :session, :now, :expires, NULL)
				""")
			.param("hash", token.hash())
			.param("session", session.value())
			.param("now", utc(now))
			.param("expires", utc(expires))
			.update();
	}

	/**
	 * Uses the token up if it is unused and unexpired. The condition is checked by the
	 * database on the locked row, so of two concurrent refreshes with one token exactly
	 * one gets {@code true}.
	 */
	boolean use(RefreshToken token, Instant now) {
		return this.jdbc.sql("""
				UPDATE refresh_tokens SET used_at = :now
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
				""").param("now", utc(now)).param("hash", token.hash()).update() == 1;
	}

	/** The token as stored, with its session; empty for a token Parley never issued. */
	Optional<Presented> find(RefreshToken token) {
		return this.jdbc.sql("""
				SELECT t.used_at, s.id, s.workspace_id, s.user_id, s.expires_at, s.revoked_at
				FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
				WHERE t.token_hash = ?
				""").param(token.hash()).query(RefreshTokens::map).optional();
	}

	/** Ends a session; {@code false} when it had ended already. */
	boolean revoke(SessionId session, Revocation because, Instant now) {
		return this.jdbc.sql("""
				UPDATE sessions SET revoked_at = :now, revoked_because = :because
				WHERE id = :id AND revoked_at IS NULL
				""")
			.param("now", utc(now))
			.param("because", because.column())
			.param("id", session.value())
			.update() == 1;
	}

	/** Ends every session of the member in the workspace. */
	void revokeAll(WorkspaceId workspace, UserId user, Revocation because, Instant now) {
		this.jdbc.sql("""
				UPDATE sessions SET revoked_at = :now, revoked_because = :because
				WHERE workspace_id = :workspace AND user_id = :user AND revoked_at IS NULL
				""")
			.param("now", utc(now))
			.param("because", because.column())
			.param("workspace", workspace.value())
			.param("user", user.value())
			.update();
	}

	/**
	 * Deletes the member's sessions that have ended, with their tokens: a token of theirs
	 * is refused as unknown as it was refused as ended.
	 */
	void forgetEnded(WorkspaceId workspace, UserId user, Instant now) {
		this.jdbc.sql("""
				DELETE FROM sessions
				WHERE workspace_id = :workspace AND user_id = :user AND (revoked_at IS NOT NULL OR expires_at <= :now)
				""").param("workspace", workspace.value()).param("user", user.value()).param("now", utc(now)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Presented map(ResultSet row, int number) throws SQLException {
		OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
		Session session = new Session(new SessionId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new UserId(row.getObject("user_id", UUID.class)),
				row.getObject("expires_at", OffsetDateTime.class).toInstant(),
				(revoked != null) ? revoked.toInstant() : null);
		return new Presented(session, row.getObject("used_at", OffsetDateTime.class) != null);
	}

	/** Why a session ended early. */
	enum Revocation {

		/** Its member logged out. */
		LOGOUT,

		/** A used refresh token of it came back: someone holds a copy. */
		REUSE,

		/**
		 * Its member was deactivated or removed, or no longer meets the workspace's
		 * second-factor requirement.
		 */
		MEMBERSHIP;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * @param revokedAt when it was ended early, or {@code null}
	 */
	record Session(SessionId id, WorkspaceId workspaceId, UserId userId, Instant expiresAt, Instant revokedAt) {

		boolean isLive(Instant now) {
			return this.revokedAt == null && now.isBefore(this.expiresAt);
		}

	}

	/** A presented refresh token as stored: its session, and whether it was used. */
	record Presented(Session session, boolean used) {
	}

}

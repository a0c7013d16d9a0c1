package io.parley.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use codes of the round trip through a provider, stored as their hash. Using one
 * deletes it: of two concurrent uses, one deletes the row and wins.
 */
@Repository
class OidcCodes {

	private final JdbcClient jdbc;

	OidcCodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(OneTimeCode code, Entry entry, Instant now) {
		this.jdbc.sql("DELETE FROM oidc_codes WHERE expires_at <= ?").param(now.atOffset(ZoneOffset.UTC)).update();
		this.jdbc
			.sql("INSERT INTO oidc_codes (code_hash, purpose, provider, user_id, workspace_id, failure, expires_at) "
					+ "VALUES (:hash, :purpose, :provider, :user, :workspace, :failure, :expires)")
			.param("hash", code.hash())
			.param("purpose", entry.purpose().name())
			.param("provider", entry.provider())
			.param("user", (entry.user() != null) ? entry.user().value() : null)
			.param("workspace", (entry.workspace() != null) ? entry.workspace().value() : null)
			.param("failure", entry.failure())
			.param("expires", entry.expiresAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The code's entry, used up; empty when it is unknown, used or expired. */
	Optional<Entry> use(OneTimeCode code, Instant now) {
		Optional<Entry> entry = this.jdbc.sql("SELECT * FROM oidc_codes WHERE code_hash = ?")
			.param(code.hash())
			.query(OidcCodes::map)
			.optional();
		if (entry.isEmpty()) {
			return entry;
		}
		int deleted = this.jdbc.sql("DELETE FROM oidc_codes WHERE code_hash = ?").param(code.hash()).update();
		return entry.filter((found) -> deleted == 1 && found.expiresAt().isAfter(now));
	}

	private static Entry map(ResultSet row, int number) throws SQLException {
		UUID user = row.getObject("user_id", UUID.class);
		UUID workspace = row.getObject("workspace_id", UUID.class);
		return new Entry(Purpose.valueOf(row.getString("purpose")), row.getString("provider"),
				(user != null) ? new UserId(user) : null, (workspace != null) ? new WorkspaceId(workspace) : null,
				row.getString("failure"), row.getObject("expires_at", OffsetDateTime.class).toInstant());
	}

	enum Purpose {

		/**
		 * A member asked to link their account: the ticket that starts the round trip.
		 */
		LINK,

		/** The callback found the account: the browser exchanges the code for tokens. */
		SIGN_IN,

		/** The callback linked the member's account. */
		LINKED,

		/** The callback refused: {@code failure} names the error code. */
		REFUSED

	}

	record Entry(Purpose purpose, String provider, @Nullable UserId user, @Nullable WorkspaceId workspace,
			@Nullable String failure, Instant expiresAt) {

	}

}

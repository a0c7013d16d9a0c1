package io.parley.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.Encryption;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Google accounts of Gmail inboxes: the refresh token sealed for its row, the consent
 * under way by the hash of its state, how far the history was read, and the watch.
 */
@Repository
class GmailAccounts {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	GmailAccounts(JdbcClient jdbc, Encryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	void add(UUID inbox) {
		this.jdbc.sql("INSERT INTO gmail_accounts (inbox_id, push_pending) VALUES (?, FALSE)").param(inbox).update();
	}

	/**
	 * A consent starts: its state's hash is good until {@code until}, once; the
	 * dashboard's consent returns there.
	 */
	void consent(UUID inbox, String stateHash, Instant until, boolean dashboard) {
		this.jdbc
			.sql("UPDATE gmail_accounts SET consent_state = ?, consent_expires_at = ?, consent_return = ? "
					+ "WHERE inbox_id = ?")
			.params(stateHash, until.atOffset(ZoneOffset.UTC), dashboard ? "dashboard" : null, inbox)
			.update();
	}

	/** Whether the consent under way with this state was started on the dashboard. */
	boolean returnsToDashboard(String stateHash) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM gmail_accounts WHERE consent_state = ? AND consent_return = 'dashboard'")
			.param(stateHash)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The inbox a consent's state belongs to, used up by this call: of two callbacks with
	 * the same state, one gets it.
	 */
	Optional<UUID> takeConsent(String stateHash, Instant now) {
		Optional<UUID> inbox = this.jdbc
			.sql("SELECT inbox_id FROM gmail_accounts WHERE consent_state = ? AND consent_expires_at > ?")
			.params(stateHash, now.atOffset(ZoneOffset.UTC))
			.query(UUID.class)
			.optional();
		return inbox.filter(
				(id) -> this.jdbc
					.sql("UPDATE gmail_accounts SET consent_state = NULL, consent_expires_at = NULL "
							+ "WHERE inbox_id = ? AND consent_state = ?")
					.params(id, stateHash)
					.update() == 1);
	}

	/** The account is connected: a new token, the history read from {@code historyId}. */
	void connect(UUID inbox, String refreshToken, long historyId) {
		this.jdbc
			.sql("UPDATE gmail_accounts SET refresh_token = ?, history_id = ?, watch_expires_at = NULL "
					+ "WHERE inbox_id = ?")
			.params(seal(inbox, refreshToken), historyId, inbox)
			.update();
	}

	Optional<Account> find(UUID inbox) {
		return this.jdbc
			.sql("SELECT inbox_id, refresh_token, history_id, watch_expires_at, push_pending FROM gmail_accounts "
					+ "WHERE inbox_id = ?")
			.param(inbox)
			.query((row, number) -> {
				long history = row.getLong("history_id");
				Long historyId = row.wasNull() ? null : history;
				OffsetDateTime watch = row.getObject("watch_expires_at", OffsetDateTime.class);
				String sealed = row.getString("refresh_token");
				return new Account(inbox, (sealed != null) ? open(inbox, sealed) : null, historyId,
						(watch != null) ? watch.toInstant() : null, row.getBoolean("push_pending"));
			})
			.optional();
	}

	/** Every connected Gmail inbox, for the poller. */
	List<UUID> connected() {
		return this.jdbc.sql("SELECT inbox_id FROM gmail_accounts WHERE refresh_token IS NOT NULL ORDER BY inbox_id")
			.query(UUID.class)
			.list();
	}

	void historyRead(UUID inbox, long historyId) {
		this.jdbc.sql("UPDATE gmail_accounts SET history_id = ? WHERE inbox_id = ?").params(historyId, inbox).update();
	}

	void watched(UUID inbox, Instant until) {
		this.jdbc.sql("UPDATE gmail_accounts SET watch_expires_at = ? WHERE inbox_id = ?")
			.params(until.atOffset(ZoneOffset.UTC), inbox)
			.update();
	}

	/**
	 * A verified push named the address: every connected inbox of it reads its history in
	 * the next round. How many there are.
	 */
	int pushed(String address) {
		return this.jdbc
			.sql("UPDATE gmail_accounts SET push_pending = TRUE WHERE refresh_token IS NOT NULL AND inbox_id IN "
					+ "(SELECT id FROM email_inboxes WHERE kind = 'gmail' AND from_address = ?)")
			.param(address)
			.update();
	}

	/** Takes the inbox's pending push, if any: a push after this sets it again. */
	boolean takePush(UUID inbox) {
		return this.jdbc
			.sql("UPDATE gmail_accounts SET push_pending = FALSE WHERE inbox_id = ? AND push_pending = TRUE")
			.param(inbox)
			.update() == 1;
	}

	private String seal(UUID inbox, String token) {
		return this.encryption.seal(token.getBytes(StandardCharsets.UTF_8), context(inbox));
	}

	private String open(UUID inbox, String sealed) {
		return new String(this.encryption.open(sealed, context(inbox)), StandardCharsets.UTF_8);
	}

	private static String context(UUID inbox) {
		return "gmail-account " + inbox + " refresh-token";
	}

	/**
	 * @param refreshToken in the clear: never logged, never returned; {@code null} before
	 * the consent
	 * @param historyId where the next read of the history starts
	 */
	record Account(UUID inboxId, @Nullable String refreshToken, @Nullable Long historyId,
			@Nullable Instant watchExpiresAt, boolean pushPending) {

		@Override
		public String toString() {
			return "Account[" + this.inboxId + ", " + this.historyId + "]";
		}

	}

}

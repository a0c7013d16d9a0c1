package io.parley.email;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.parley.email.EmailInbox.State;
import io.parley.identity.UserId;
import io.parley.system.Encryption;
import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mailboxes of all workspaces. The IMAP and SMTP passwords are sealed for their row
 * and side, so a value copied to another row or side does not open there; only
 * {@link #passwords} reads them back.
 */
@Repository
class EmailInboxes {

	private static final String COLUMNS = "id, workspace_id, display_name, from_address, imap_host, imap_port, "
			+ "imap_tls, imap_user, smtp_host, smtp_port, smtp_starttls, smtp_user, signature, uid_validity, "
			+ "last_uid, connected, last_sync_at, last_error, created_at, kind, default_supervisor_id";

	private final JdbcClient jdbc;

	private final Encryption encryption;

	EmailInboxes(JdbcClient jdbc, Encryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	/**
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#EMAIL_INBOX_ALREADY_EXISTS} for a from-address the workspace has
	 */
	void add(EmailInbox inbox, String imapPassword, String smtpPassword) {
		try {
			details(inbox, this.jdbc.sql("INSERT INTO email_inboxes (" + COLUMNS
					+ ", imap_password, smtp_password) VALUES (:id, "
					+ ":workspace, :name, :address, :imapHost, :imapPort, :imapTls, :imapUser, :smtpHost, :smtpPort, "
					+ ":smtpTls, :smtpUser, :signature, NULL, 0, FALSE, NULL, NULL, :created, 'imap', "
					+ ":supervisor, :imapPassword, :smtpPassword)"))
				.param("id", inbox.id())
				.param("workspace", inbox.workspaceId().value())
				.param("created", inbox.createdAt().atOffset(ZoneOffset.UTC))
				.param("imapPassword", seal(inbox.id(), "imap", imapPassword))
				.param("smtpPassword", seal(inbox.id(), "smtp", smtpPassword))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.EMAIL_INBOX_ALREADY_EXISTS.exception();
		}
	}

	/**
	 * Adds a Gmail inbox, which has no servers and no passwords: its account is kept by
	 * {@link GmailAccounts}.
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#EMAIL_INBOX_ALREADY_EXISTS} for a from-address the workspace has
	 */
	void addGmail(EmailInbox inbox) {
		try {
			this.jdbc
				.sql("INSERT INTO email_inboxes (id, workspace_id, display_name, from_address, signature, last_uid, "
						+ "connected, created_at, kind, default_supervisor_id) VALUES (?, ?, ?, ?, ?, 0, FALSE, ?, "
						+ "'gmail', ?)")
				.params(inbox.id(), inbox.workspaceId().value(), inbox.displayName(), inbox.fromAddress(),
						inbox.signature(), inbox.createdAt().atOffset(ZoneOffset.UTC), supervisor(inbox))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.EMAIL_INBOX_ALREADY_EXISTS.exception();
		}
	}

	/**
	 * Stores what an administrator may change; a {@code null} password keeps the stored
	 * one. Changing the IMAP server starts the import afresh (by UID, so without
	 * doubles).
	 */
	void save(EmailInbox inbox, @Nullable String imapPassword, @Nullable String smtpPassword, boolean newServer) {
		try {
			details(inbox, this.jdbc.sql("UPDATE email_inboxes SET display_name = :name, from_address = :address, "
					+ "imap_host = :imapHost, imap_port = :imapPort, imap_tls = :imapTls, imap_user = :imapUser, "
					+ "smtp_host = :smtpHost, smtp_port = :smtpPort, smtp_starttls = :smtpTls, smtp_user = :smtpUser, "
					+ "signature = :signature, default_supervisor_id = :supervisor, "
					+ "imap_password = COALESCE(:imapPassword, imap_password), "
					+ "smtp_password = COALESCE(:smtpPassword, smtp_password)"
					+ (newServer ? ", uid_validity = NULL, last_uid = 0, connected = FALSE" : "")
					+ " WHERE workspace_id = :workspace AND id = :id"))
				.param("imapPassword", (imapPassword != null) ? seal(inbox.id(), "imap", imapPassword) : null)
				.param("smtpPassword", (smtpPassword != null) ? seal(inbox.id(), "smtp", smtpPassword) : null)
				.param("workspace", inbox.workspaceId().value())
				.param("id", inbox.id())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.EMAIL_INBOX_ALREADY_EXISTS.exception();
		}
	}

	/**
	 * A Gmail inbox's name, signature and default supervisor: all of it an administrator
	 * may change.
	 */
	void saveGmail(EmailInbox inbox) {
		this.jdbc
			.sql("UPDATE email_inboxes SET display_name = ?, signature = ?, default_supervisor_id = ? "
					+ "WHERE workspace_id = ? AND id = ?")
			.params(inbox.displayName(), inbox.signature(), supervisor(inbox), inbox.workspaceId().value(), inbox.id())
			.update();
	}

	private static @Nullable UUID supervisor(EmailInbox inbox) {
		return (inbox.defaultSupervisor() != null) ? inbox.defaultSupervisor().value() : null;
	}

	/** What an administrator says of the inbox, as named parameters. */
	private static JdbcClient.StatementSpec details(EmailInbox inbox, JdbcClient.StatementSpec statement) {
		return statement.param("name", inbox.displayName())
			.param("address", inbox.fromAddress())
			.param("imapHost", inbox.imap().host())
			.param("imapPort", inbox.imap().port())
			.param("imapTls", inbox.imap().secure())
			.param("imapUser", inbox.imap().user())
			.param("smtpHost", inbox.smtp().host())
			.param("smtpPort", inbox.smtp().port())
			.param("smtpTls", inbox.smtp().secure())
			.param("smtpUser", inbox.smtp().user())
			.param("signature", inbox.signature())
			.param("supervisor", supervisor(inbox));
	}

	boolean remove(WorkspaceId workspace, UUID id) {
		return this.jdbc.sql("DELETE FROM email_inboxes WHERE workspace_id = ? AND id = ?")
			.params(workspace.value(), id)
			.update() == 1;
	}

	Optional<EmailInbox> find(WorkspaceId workspace, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM email_inboxes WHERE workspace_id = ? AND id = ?")
			.params(workspace.value(), id)
			.query(EmailInboxes::map)
			.optional();
	}

	Optional<EmailInbox> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM email_inboxes WHERE id = ?")
			.param(id)
			.query(EmailInboxes::map)
			.optional();
	}

	List<EmailInbox> of(WorkspaceId workspace) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM email_inboxes WHERE workspace_id = ? ORDER BY created_at, id")
			.param(workspace.value())
			.query(EmailInboxes::map)
			.list();
	}

	/** Every IMAP mailbox's id, for the poller. */
	List<UUID> ids() {
		return this.jdbc.sql("SELECT id FROM email_inboxes WHERE kind = 'imap' ORDER BY id").query(UUID.class).list();
	}

	/**
	 * Takes the mailbox for one node until {@code until}: a conditional update, so of two
	 * nodes racing only one wins (decision 91).
	 */
	boolean lease(UUID id, Instant now, Instant until) {
		return this.jdbc
			.sql("UPDATE email_inboxes SET lease_until = :until WHERE id = :id "
					+ "AND (lease_until IS NULL OR lease_until < :now)")
			.param("until", until.atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	void release(UUID id) {
		this.jdbc.sql("UPDATE email_inboxes SET lease_until = NULL WHERE id = ?").param(id).update();
	}

	/** How far the import went: kept in the transaction of the mail it imported. */
	void advance(UUID id, long uidValidity, long lastUid) {
		this.jdbc.sql("UPDATE email_inboxes SET uid_validity = ?, last_uid = ? WHERE id = ?")
			.params(uidValidity, lastUid, id)
			.update();
	}

	void synced(UUID id, Instant at) {
		this.jdbc.sql("UPDATE email_inboxes SET connected = TRUE, last_sync_at = ?, last_error = NULL WHERE id = ?")
			.params(at.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	/** The server answered (an IDLE connection opened): the last error is over. */
	void reachable(UUID id) {
		this.jdbc.sql("UPDATE email_inboxes SET connected = TRUE, last_error = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * @param error what went wrong, without any secret
	 */
	void failed(UUID id, String error) {
		this.jdbc.sql("UPDATE email_inboxes SET connected = FALSE, last_error = ? WHERE id = ?")
			.params(error.substring(0, Math.min(error.length(), 500)), id)
			.update();
	}

	Passwords passwords(UUID id) {
		return this.jdbc.sql("SELECT imap_password, smtp_password FROM email_inboxes WHERE id = ?")
			.param(id)
			.query((row, number) -> new Passwords(open(id, "imap", row.getString(1)),
					open(id, "smtp", row.getString(2))))
			.single();
	}

	private String seal(UUID id, String side, String password) {
		return this.encryption.seal(password.getBytes(StandardCharsets.UTF_8), context(id, side));
	}

	private String open(UUID id, String side, String sealed) {
		return new String(this.encryption.open(sealed, context(id, side)), StandardCharsets.UTF_8);
	}

	private static String context(UUID id, String side) {
		return "email-inbox " + id + " " + side;
	}

	static EmailInbox map(ResultSet row, int number) throws SQLException {
		OffsetDateTime synced = row.getObject("last_sync_at", OffsetDateTime.class);
		long validity = row.getLong("uid_validity");
		Long uidValidity = row.wasNull() ? null : validity;
		boolean imap = row.getString("imap_host") != null;
		UUID supervisor = row.getObject("default_supervisor_id", UUID.class);
		return new EmailInbox(row.getObject("id", UUID.class),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("display_name"),
				row.getString("from_address"),
				imap ? new MailServer(row.getString("imap_host"), row.getInt("imap_port"), row.getBoolean("imap_tls"),
						row.getString("imap_user")) : null,
				imap ? new MailServer(row.getString("smtp_host"), row.getInt("smtp_port"),
						row.getBoolean("smtp_starttls"), row.getString("smtp_user")) : null,
				row.getString("signature"), uidValidity, row.getLong("last_uid"),
				new State(row.getBoolean("connected"), (synced != null) ? synced.toInstant() : null,
						row.getString("last_error")),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				EmailInbox.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
				(supervisor != null) ? new UserId(supervisor) : null);
	}

	/** The two passwords, in the clear: never logged, never returned. */
	record Passwords(String imap, String smtp) {

		@Override
		public String toString() {
			return "Passwords[hidden]";
		}

	}

}

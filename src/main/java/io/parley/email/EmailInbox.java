package io.parley.email;

import java.time.Instant;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's mailbox, as stored, without its passwords or tokens.
 *
 * @param imap the IMAP server, {@code null} for a Gmail inbox
 * @param smtp the SMTP server, {@code null} for a Gmail inbox
 * @param uidValidity the IMAP UIDVALIDITY the import last saw, or {@code null} before the
 * first sync
 * @param lastUid the highest UID imported under {@code uidValidity}
 * @param defaultSupervisor the member its new conversations are sent to, who routes them
 * to their agents (decision 114), or {@code null}
 */
public record EmailInbox(UUID id, WorkspaceId workspaceId, String displayName, String fromAddress,
		@Nullable MailServer imap, @Nullable MailServer smtp, @Nullable String signature, @Nullable Long uidValidity,
		long lastUid, State state, Instant createdAt, Kind kind, @Nullable UserId defaultSupervisor) {

	/** How the mailbox is read and answered. */
	public enum Kind {

		/** IMAP in, SMTP out. */
		IMAP,

		/** The Gmail API in and out, connected by Google's consent (decision 103). */
		GMAIL

	}

	/**
	 * What the last sync found.
	 *
	 * @param lastSyncAt when it last read the mailbox without error, or {@code null}
	 * @param lastError why the last try failed, or {@code null} when it did not
	 */
	public record State(boolean connected, @Nullable Instant lastSyncAt, @Nullable String lastError) {
	}

}

package io.parley.email;

import java.time.Instant;
import java.util.UUID;

import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's mailbox, as stored, without its passwords.
 *
 * @param uidValidity the IMAP UIDVALIDITY the import last saw, or {@code null} before the
 * first sync
 * @param lastUid the highest UID imported under {@code uidValidity}
 */
public record EmailInbox(UUID id, WorkspaceId workspaceId, String displayName, String fromAddress, MailServer imap,
		MailServer smtp, @Nullable String signature, @Nullable Long uidValidity, long lastUid, State state,
		Instant createdAt) {

	/**
	 * What the last sync found.
	 *
	 * @param lastSyncAt when it last read the mailbox without error, or {@code null}
	 * @param lastError why the last try failed, or {@code null} when it did not
	 */
	public record State(boolean connected, @Nullable Instant lastSyncAt, @Nullable String lastError) {
	}

}

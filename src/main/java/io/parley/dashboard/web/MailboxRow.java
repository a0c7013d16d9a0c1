package io.parley.dashboard.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.parley.email.EmailInbox;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox in the settings' list: its address, servers (none for a Gmail inbox) and
 * state, the last sync in the workspace's time zone; never a password or token.
 */
public record MailboxRow(String id, String displayName, String fromAddress, boolean gmail, @Nullable String imap,
		@Nullable String smtp, boolean connected, @Nullable String lastSync, @Nullable String lastError) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static MailboxRow of(EmailInbox inbox, ZoneId zone) {
		EmailInbox.State state = inbox.state();
		boolean gmail = inbox.kind() == EmailInbox.Kind.GMAIL;
		return new MailboxRow(inbox.id().toString(), inbox.displayName(), inbox.fromAddress(), gmail,
				gmail ? null : inbox.imap().host() + ":" + inbox.imap().port(),
				gmail ? null : inbox.smtp().host() + ":" + inbox.smtp().port(), state.connected(),
				(state.lastSyncAt() != null) ? WHEN.format(state.lastSyncAt().atZone(zone)) : null, state.lastError());
	}

}

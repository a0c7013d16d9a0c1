package io.parley.dashboard.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.parley.email.EmailInbox;

/**
 * A mailbox in the settings' list: its address, servers and state, the last sync in the
 * workspace's time zone; never a password.
 */
public record MailboxRow(String id, String displayName, String fromAddress, String imap, String smtp, boolean connected,
		String lastSync, String lastError) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static MailboxRow of(EmailInbox inbox, ZoneId zone) {
		EmailInbox.State state = inbox.state();
		return new MailboxRow(inbox.id().toString(), inbox.displayName(), inbox.fromAddress(),
				inbox.imap().host() + ":" + inbox.imap().port(), inbox.smtp().host() + ":" + inbox.smtp().port(),
				state.connected(), (state.lastSyncAt() != null) ? WHEN.format(state.lastSyncAt().atZone(zone)) : null,
				state.lastError());
	}

}

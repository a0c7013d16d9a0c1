package io.parley.email.web;

import java.util.Locale;

import io.parley.email.EmailInbox;
import io.parley.email.MailServer;
import io.parley.system.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox as the API shows it: never a password or a token. A Gmail inbox has no
 * servers; when it was just added or is to be connected again, the link to Google's
 * consent comes with it.
 */
record InboxView(String id, String kind, String displayName, String fromAddress, @Nullable ServerView imap,
		@Nullable ServerView smtp, String signature, @Nullable String defaultSupervisorId, StateView state,
		String createdAt, @Nullable String consentUrl) {

	static InboxView of(EmailInbox inbox) {
		return of(inbox, null);
	}

	static InboxView of(EmailInbox inbox, @Nullable String consentUrl) {
		EmailInbox.State state = inbox.state();
		return new InboxView(inbox.id().toString(), inbox.kind().name().toLowerCase(Locale.ROOT), inbox.displayName(),
				inbox.fromAddress(), ServerView.of(inbox.imap()), ServerView.of(inbox.smtp()), inbox.signature(),
				(inbox.defaultSupervisor() != null) ? inbox.defaultSupervisor().value().toString() : null,
				new StateView(state.connected(),
						(state.lastSyncAt() != null) ? Timestamps.format(state.lastSyncAt()) : null, state.lastError()),
				Timestamps.format(inbox.createdAt()), consentUrl);
	}

	record ServerView(String host, int port, boolean secure, String user, boolean passwordSet) {

		static @Nullable ServerView of(@Nullable MailServer server) {
			return (server != null) ? new ServerView(server.host(), server.port(), server.secure(), server.user(), true)
					: null;
		}

	}

	record StateView(boolean connected, String lastSync, String lastError) {
	}

}

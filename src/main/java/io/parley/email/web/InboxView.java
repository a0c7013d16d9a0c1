package io.parley.email.web;

import io.parley.email.EmailInbox;
import io.parley.email.MailServer;
import io.parley.system.Timestamps;

/** A mailbox as the API shows it: never a password. */
record InboxView(String id, String displayName, String fromAddress, ServerView imap, ServerView smtp, String signature,
		StateView state, String createdAt) {

	static InboxView of(EmailInbox inbox) {
		EmailInbox.State state = inbox.state();
		return new InboxView(inbox.id().toString(), inbox.displayName(), inbox.fromAddress(),
				ServerView.of(inbox.imap()), ServerView.of(inbox.smtp()), inbox.signature(),
				new StateView(state.connected(),
						(state.lastSyncAt() != null) ? Timestamps.format(state.lastSyncAt()) : null, state.lastError()),
				Timestamps.format(inbox.createdAt()));
	}

	record ServerView(String host, int port, boolean secure, String user, boolean passwordSet) {

		static ServerView of(MailServer server) {
			return new ServerView(server.host(), server.port(), server.secure(), server.user(), true);
		}

	}

	record StateView(boolean connected, String lastSync, String lastError) {
	}

}

package io.parley.email;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import io.parley.system.Timestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Asks Gmail to push the inbox's news to the Pub/Sub topic ({@code users.watch}). A watch
 * ends after seven days; it is renewed once less than {@link #RENEW_BEFORE} is left
 * (Google asks for a daily call), so it never runs out while Parley runs.
 */
@Component
class GmailWatch {

	private static final Logger log = LoggerFactory.getLogger(GmailWatch.class);

	static final Duration RENEW_BEFORE = Duration.ofDays(6);

	private final GmailSettings settings;

	private final GmailApi api;

	private final GmailAccounts accounts;

	private final EmailInboxes inboxes;

	private final Clock clock;

	GmailWatch(GmailSettings settings, GmailApi api, GmailAccounts accounts, EmailInboxes inboxes, Clock clock) {
		this.settings = settings;
		this.api = api;
		this.accounts = accounts;
		this.inboxes = inboxes;
		this.clock = clock;
	}

	boolean due(@Nullable Instant expiresAt) {
		return expiresAt == null || !expiresAt.isAfter(Timestamps.now(this.clock).plus(RENEW_BEFORE));
	}

	/** Watches the inbox's INBOX label; {@code false} when Gmail refused. */
	boolean renew(EmailInbox inbox, String refreshToken) {
		try {
			WatchResponse response = this.api.client(refreshToken)
				.users()
				.watch("me",
						new WatchRequest().setTopicName(this.settings.topic)
							.setLabelIds(List.of("INBOX"))
							.setLabelFilterBehavior("include"))
				.execute();
			this.accounts.watched(inbox.id(), Instant.ofEpochMilli(response.getExpiration()));
			return true;
		}
		catch (IOException ex) {
			String reason = GmailErrors.reason(ex);
			log.warn("Inbox {} could not watch its Gmail, it is tried again later: {}", inbox.id(), reason);
			this.inboxes.failed(inbox.id(), reason);
			return false;
		}
	}

}

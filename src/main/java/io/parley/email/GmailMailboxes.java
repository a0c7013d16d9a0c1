package io.parley.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Profile;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gmail inboxes: added by an administrator, connected by Google's consent. The consent
 * link carries a random state, stored only as its hash and good once for
 * {@link #CONSENT_LIFETIME}; Google's callback with it connects the inbox when the
 * account is the inbox's address (decision 103).
 */
@Service
public class GmailMailboxes {

	private static final Logger log = LoggerFactory.getLogger(GmailMailboxes.class);

	static final Duration CONSENT_LIFETIME = Duration.ofMinutes(15);

	private final EmailInboxes inboxes;

	private final GmailAccounts accounts;

	private final GmailSettings settings;

	private final GmailApi api;

	private final GmailWatch watch;

	private final DefaultSupervisors supervisors;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	GmailMailboxes(EmailInboxes inboxes, GmailAccounts accounts, GmailSettings settings, GmailApi api, GmailWatch watch,
			DefaultSupervisors supervisors, Clock clock) {
		this.inboxes = inboxes;
		this.accounts = accounts;
		this.settings = settings;
		this.api = api;
		this.watch = watch;
		this.supervisors = supervisors;
		this.clock = clock;
	}

	/**
	 * Adds a Gmail inbox, not yet connected, and the link where its account's owner
	 * consents.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#GMAIL_NOT_CONFIGURED},
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA},
	 * {@link ErrorCode#EMAIL_INBOX_ALREADY_EXISTS},
	 * {@link ErrorCode#SUPERVISOR_NOT_FOUND} for a default supervisor who may not assign
	 */
	@Transactional
	public Connection add(Caller caller, MailboxDetails details) {
		return add(caller, details, ConsentReturn.API);
	}

	/**
	 * {@link #add(Caller, MailboxDetails)}, the consent returning to {@code returnTo}.
	 */
	@Transactional
	public Connection add(Caller caller, MailboxDetails details, ConsentReturn returnTo) {
		caller.require(Permission.MANAGE_SETTINGS);
		requireConfigured();
		if (details.displayName() == null || details.fromAddress() == null) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		EmailInbox inbox = new EmailInbox(UUID.randomUUID(), caller.workspaceId(), details.displayName(),
				details.fromAddress().trim().toLowerCase(Locale.ROOT), null, null, details.signature(), null, 0,
				new EmailInbox.State(false, null, null), Timestamps.now(this.clock), EmailInbox.Kind.GMAIL,
				this.supervisors.chosen(caller.workspaceId(), details.defaultSupervisorId(), null));
		this.inboxes.addGmail(inbox);
		this.accounts.add(inbox.id());
		return new Connection(inbox, consent(inbox, returnTo));
	}

	/** A new consent link for the inbox: to connect it again after a revoked token. */
	@Transactional
	public Connection reconnect(Caller caller, String id) {
		return reconnect(caller, id, ConsentReturn.API);
	}

	/** {@link #reconnect(Caller, String)}, the consent returning to {@code returnTo}. */
	@Transactional
	public Connection reconnect(Caller caller, String id, ConsentReturn returnTo) {
		caller.require(Permission.MANAGE_SETTINGS);
		EmailInbox inbox = Mailboxes.parse(id)
			.flatMap((found) -> this.inboxes.find(caller.workspaceId(), found))
			.filter((found) -> found.kind() == EmailInbox.Kind.GMAIL)
			.orElseThrow(ErrorCode.EMAIL_INBOX_NOT_FOUND::exception);
		requireConfigured();
		return new Connection(inbox, consent(inbox, returnTo));
	}

	/** Whether Google's client is configured, so that Gmail inboxes can be connected. */
	public boolean available() {
		return this.settings.configured();
	}

	/**
	 * Where the consent under way with this state returns to: the dashboard's, or
	 * anything else (an unknown or used state too), the API's.
	 */
	@Transactional(readOnly = true)
	public ConsentReturn returnOf(String state) {
		return this.accounts.returnsToDashboard(hash(state)) ? ConsentReturn.DASHBOARD : ConsentReturn.API;
	}

	/**
	 * Google's callback: the code becomes the inbox's refresh token, and the inbox reads
	 * its mail from now on.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#GMAIL_CONSENT_INVALID},
	 * {@link ErrorCode#GMAIL_ACCOUNT_MISMATCH}, {@link ErrorCode#GMAIL_UNREACHABLE}
	 */
	public EmailInbox connect(String code, String state) {
		requireConfigured();
		Instant now = Timestamps.now(this.clock);
		EmailInbox inbox = this.accounts.takeConsent(hash(state), now)
			.flatMap(this.inboxes::find)
			.orElseThrow(ErrorCode.GMAIL_CONSENT_INVALID::exception);
		String refreshToken;
		Profile profile;
		try {
			refreshToken = this.api.refreshToken(code);
			Gmail gmail = this.api.client(refreshToken);
			profile = gmail.users().getProfile("me").execute();
		}
		catch (IOException ex) {
			log.warn("Inbox {} could not be connected to Gmail: {}", inbox.id(), GmailErrors.reason(ex));
			throw ErrorCode.GMAIL_UNREACHABLE.exception();
		}
		if (profile.getEmailAddress() == null || !profile.getEmailAddress().equalsIgnoreCase(inbox.fromAddress())) {
			log.info("Inbox {} was offered the consent of another Google account: refused", inbox.id());
			throw ErrorCode.GMAIL_ACCOUNT_MISMATCH.exception();
		}
		this.accounts.connect(inbox.id(), refreshToken, profile.getHistoryId().longValueExact());
		this.inboxes.synced(inbox.id(), Timestamps.now(this.clock));
		if (this.settings.watches()) {
			this.watch.renew(inbox, refreshToken);
		}
		return this.inboxes.find(inbox.id()).orElseThrow(ErrorCode.EMAIL_INBOX_NOT_FOUND::exception);
	}

	private String consent(EmailInbox inbox, ConsentReturn returnTo) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.accounts.consent(inbox.id(), hash(state), Timestamps.now(this.clock).plus(CONSENT_LIFETIME),
				returnTo == ConsentReturn.DASHBOARD);
		return this.api.consentUrl(state, inbox.fromAddress());
	}

	private void requireConfigured() {
		if (!this.settings.configured()) {
			throw ErrorCode.GMAIL_NOT_CONFIGURED.exception();
		}
	}

	private static String hash(String state) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where Google sends the browser back to after a consent: the REST API's callback
	 * answers JSON, the dashboard's goes on to its mailbox page (decision 115).
	 */
	public enum ConsentReturn {

		API, DASHBOARD

	}

	/**
	 * A Gmail inbox and where its account's owner consents.
	 */
	public record Connection(EmailInbox inbox, String consentUrl) {
	}

}

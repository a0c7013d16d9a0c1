package io.parley.email;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.parley.email.MailboxDetails.Server;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's mailboxes, for its administrators: added, listed, changed and removed.
 * Passwords go in and never come out.
 */
@Service
public class Mailboxes {

	private final EmailInboxes inboxes;

	private final Clock clock;

	private final MailboxPoller poller;

	private final MailboxIdle idle;

	private final DefaultSupervisors supervisors;

	Mailboxes(EmailInboxes inboxes, Clock clock, MailboxPoller poller, MailboxIdle idle,
			DefaultSupervisors supervisors) {
		this.inboxes = inboxes;
		this.clock = clock;
		this.poller = poller;
		this.idle = idle;
		this.supervisors = supervisors;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * when something needed is missing, {@link ErrorCode#EMAIL_INBOX_ALREADY_EXISTS},
	 * {@link ErrorCode#SUPERVISOR_NOT_FOUND} for a default supervisor who may not assign
	 */
	@Transactional
	public EmailInbox add(Caller caller, MailboxDetails details) {
		caller.require(Permission.MANAGE_SETTINGS);
		Server imap = require(details.imap());
		Server smtp = require(details.smtp());
		EmailInbox inbox = new EmailInbox(UUID.randomUUID(), caller.workspaceId(), require(details.displayName()),
				address(require(details.fromAddress())), server(imap, null), server(smtp, null), details.signature(),
				null, 0, new EmailInbox.State(false, null, null), Timestamps.now(this.clock), EmailInbox.Kind.IMAP,
				this.supervisors.chosen(caller.workspaceId(), details.defaultSupervisorId(), null));
		this.inboxes.add(inbox, require(imap.password()), require(smtp.password()));
		this.idle.changed(inbox.id());
		return inbox;
	}

	@Transactional(readOnly = true)
	public List<EmailInbox> list(Caller caller) {
		caller.require(Permission.MANAGE_SETTINGS);
		return this.inboxes.of(caller.workspaceId());
	}

	@Transactional(readOnly = true)
	public EmailInbox get(Caller caller, String id) {
		caller.require(Permission.MANAGE_SETTINGS);
		return find(caller, id);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#EMAIL_INBOX_NOT_FOUND},
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} for a Gmail inbox's servers or another
	 * address, {@link ErrorCode#EMAIL_INBOX_ALREADY_EXISTS},
	 * {@link ErrorCode#SUPERVISOR_NOT_FOUND}
	 */
	@Transactional
	public EmailInbox change(Caller caller, String id, MailboxDetails details) {
		caller.require(Permission.MANAGE_SETTINGS);
		EmailInbox current = find(caller, id);
		UserId supervisor = this.supervisors.chosen(caller.workspaceId(), details.defaultSupervisorId(),
				current.defaultSupervisor());
		if (current.kind() == EmailInbox.Kind.GMAIL) {
			// its address is the Google account's: another account is another inbox
			if (details.imap() != null || details.smtp() != null || (details.fromAddress() != null
					&& !address(details.fromAddress()).equals(current.fromAddress()))) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			this.inboxes.saveGmail(new EmailInbox(current.id(), current.workspaceId(),
					Objects.requireNonNullElse(details.displayName(), current.displayName()), current.fromAddress(),
					null, null, (details.signature() != null) ? details.signature() : current.signature(),
					current.uidValidity(), current.lastUid(), current.state(), current.createdAt(), current.kind(),
					supervisor));
			return find(caller, id);
		}
		MailServer imap = (details.imap() != null) ? server(details.imap(), current.imap()) : current.imap();
		MailServer smtp = (details.smtp() != null) ? server(details.smtp(), current.smtp()) : current.smtp();
		EmailInbox changed = new EmailInbox(current.id(), current.workspaceId(),
				Objects.requireNonNullElse(details.displayName(), current.displayName()),
				(details.fromAddress() != null) ? address(details.fromAddress()) : current.fromAddress(), imap, smtp,
				(details.signature() != null) ? details.signature() : current.signature(), current.uidValidity(),
				current.lastUid(), current.state(), current.createdAt(), EmailInbox.Kind.IMAP, supervisor);
		boolean newServer = !imap.host().equals(current.imap().host()) || imap.port() != current.imap().port()
				|| !imap.user().equals(current.imap().user());
		this.inboxes.save(changed, password(details.imap()), password(details.smtp()), newServer);
		this.idle.changed(current.id());
		return find(caller, id);
	}

	/**
	 * Reads the mailbox now, as the next poll would (unless a node is reading it at this
	 * moment), and answers it with the state that read left: whether its servers and
	 * password work, at once after adding or changing it.
	 */
	// no transaction: the read takes the mailbox's lease and records each mail in its own
	public EmailInbox check(Caller caller, String id) {
		caller.require(Permission.MANAGE_SETTINGS);
		this.poller.poll(find(caller, id).id());
		return find(caller, id);
	}

	/**
	 * Removes the mailbox; its conversations stay. Adding the mailbox again imports its
	 * mail afresh.
	 */
	@Transactional
	public void remove(Caller caller, String id) {
		caller.require(Permission.MANAGE_SETTINGS);
		UUID inbox = find(caller, id).id();
		if (!this.inboxes.remove(caller.workspaceId(), inbox)) {
			throw ErrorCode.EMAIL_INBOX_NOT_FOUND.exception();
		}
		this.idle.changed(inbox);
	}

	private EmailInbox find(Caller caller, String id) {
		return parse(id).flatMap((value) -> this.inboxes.find(caller.workspaceId(), value))
			.orElseThrow(ErrorCode.EMAIL_INBOX_NOT_FOUND::exception);
	}

	/** An inbox's id as a caller gives it: empty when it is none. */
	static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static MailServer server(Server given, @Nullable MailServer current) {
		if (current == null) {
			return new MailServer(require(given.host()), require(given.port()), require(given.secure()),
					require(given.user()));
		}
		return new MailServer(Objects.requireNonNullElse(given.host(), current.host()),
				Objects.requireNonNullElse(given.port(), current.port()),
				Objects.requireNonNullElse(given.secure(), current.secure()),
				Objects.requireNonNullElse(given.user(), current.user()));
	}

	private static @Nullable String password(@Nullable Server server) {
		return (server != null) ? server.password() : null;
	}

	private static String address(String address) {
		return address.trim().toLowerCase(Locale.ROOT);
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return value;
	}

}

package io.parley.dashboard.web;

import io.parley.email.EmailInbox;
import io.parley.email.MailboxDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An IMAP/SMTP mailbox as its settings form sends it, with the bounds of
 * {@code POST /api/email-inboxes}: host names and users are one line each, as they become
 * parts of commands and headers. The passwords are never shown back: a changed mailbox
 * keeps the stored ones when they are left empty.
 */
public record MailboxForm(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String displayName,
		@NotBlank @Email @Size(min = 3, max = 254) String fromAddress,
		@NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]*") String imapHost,
		@NotBlank @Pattern(regexp = PORT) String imapPort, Boolean imapSecure,
		@NotBlank @Size(max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*") String imapUser,
		@Size(max = 500) String imapPassword,
		@NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]*") String smtpHost,
		@NotBlank @Pattern(regexp = PORT) String smtpPort, Boolean smtpSecure,
		@NotBlank @Size(max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*") String smtpUser,
		@Size(max = 500) String smtpPassword, @Size(max = 2000) String signature, String defaultSupervisorId) {

	/** 1 to 65535. */
	static final String PORT = "0*([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

	static final MailboxForm EMPTY = new MailboxForm("", "", "", "993", true, "", "", "", "587", true, "", "", "", "");

	static MailboxForm of(EmailInbox inbox) {
		return new MailboxForm(inbox.displayName(), inbox.fromAddress(), inbox.imap().host(),
				String.valueOf(inbox.imap().port()), inbox.imap().secure(), inbox.imap().user(), "",
				inbox.smtp().host(), String.valueOf(inbox.smtp().port()), inbox.smtp().secure(), inbox.smtp().user(),
				"", (inbox.signature() != null) ? inbox.signature() : "", SupervisorChoices.idOf(inbox));
	}

	/** What the mailbox use case takes; an empty password is {@code null}: kept. */
	MailboxDetails details() {
		return new MailboxDetails(this.displayName, this.fromAddress,
				new MailboxDetails.Server(this.imapHost, Integer.valueOf(this.imapPort),
						Boolean.TRUE.equals(this.imapSecure), this.imapUser, blankIsNull(this.imapPassword)),
				new MailboxDetails.Server(this.smtpHost, Integer.valueOf(this.smtpPort),
						Boolean.TRUE.equals(this.smtpSecure), this.smtpUser, blankIsNull(this.smtpPassword)),
				(this.signature != null) ? this.signature : "",
				(this.defaultSupervisorId != null) ? this.defaultSupervisorId : "");
	}

	/** This form without its passwords, to show again. */
	MailboxForm withoutPasswords() {
		return new MailboxForm(this.displayName, this.fromAddress, this.imapHost, this.imapPort, this.imapSecure,
				this.imapUser, "", this.smtpHost, this.smtpPort, this.smtpSecure, this.smtpUser, "", this.signature,
				this.defaultSupervisorId);
	}

	private static String blankIsNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	@Override
	public String toString() {
		return "MailboxForm[" + this.fromAddress + ", secrets redacted]";
	}

}

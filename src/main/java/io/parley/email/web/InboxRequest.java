package io.parley.email.web;

import io.parley.email.MailboxDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A mailbox as an administrator gives it; on a change, what is left out stays. Host names
 * and users are one line each: they become parts of commands and headers. A Gmail inbox
 * ({@code kind} {@code gmail}) has no servers: it is connected by Google's consent. An
 * empty {@code defaultSupervisorId} sends its new conversations to nobody in particular.
 */
record InboxRequest(@Pattern(regexp = "imap|gmail") String kind,
		@Size(min = 1, max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String displayName,
		@Email @Size(min = 3, max = 254) String fromAddress, @Valid ServerRequest imap, @Valid ServerRequest smtp,
		@Size(max = 2000) String signature, String defaultSupervisorId) {

	boolean gmail() {
		return "gmail".equals(this.kind);
	}

	MailboxDetails details() {
		return new MailboxDetails(this.displayName, this.fromAddress, (this.imap != null) ? this.imap.server() : null,
				(this.smtp != null) ? this.smtp.server() : null, this.signature, this.defaultSupervisorId);
	}

	/**
	 * @param secure IMAP over TLS, or SMTP with STARTTLS
	 */
	record ServerRequest(@Size(min = 1, max = 255) @Pattern(regexp = "[A-Za-z0-9.:\\-\\[\\]]+") String host,
			@Min(1) @Max(65535) Integer port, Boolean secure,
			@Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cntrl}]*") String user,
			@Size(min = 1, max = 500) String password) {

		MailboxDetails.Server server() {
			return new MailboxDetails.Server(this.host, this.port, this.secure, this.user, this.password);
		}

		@Override
		public String toString() {
			return "ServerRequest[" + this.host + ":" + this.port + "]";
		}

	}

}

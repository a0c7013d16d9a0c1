package io.parley.dashboard.web;

import io.parley.email.MailboxDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A Gmail inbox as the mailbox page's "Connect a Gmail account" sends it, with the bounds
 * of {@code POST /api/email-inboxes}; named apart from the IMAP/SMTP form's fields, which
 * share the page and its refusals. Its edit sends only the name, the signature and the
 * default supervisor: the address is the Google account's.
 */
public record GmailForm(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String gmailName,
		@NotBlank @Email @Size(min = 3, max = 254) String gmailAddress, @Size(max = 2000) String gmailSignature,
		String gmailSupervisorId) {

	static final GmailForm EMPTY = new GmailForm("", "", "", "");

	/** What the Gmail use cases take: an empty choice of supervisor is none. */
	MailboxDetails details(@Nullable String address) {
		return MailboxDetails.gmail(this.gmailName, address, this.gmailSignature,
				(this.gmailSupervisorId != null) ? this.gmailSupervisorId : "");
	}

}

package io.parley.dashboard.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A Gmail inbox as the mailbox page's "Connect a Gmail account" sends it, with the bounds
 * of {@code POST /api/email-inboxes}; named apart from the IMAP/SMTP form's fields, which
 * share the page and its refusals. Its edit sends only the name and the signature: the
 * address is the Google account's.
 */
public record GmailForm(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String gmailName,
		@NotBlank @Email @Size(min = 3, max = 254) String gmailAddress, @Size(max = 2000) String gmailSignature) {

	static final GmailForm EMPTY = new GmailForm("", "", "");

}

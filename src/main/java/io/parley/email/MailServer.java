package io.parley.email;

/**
 * Where a mailbox reads (IMAP) or sends (SMTP) its mail; the password is kept apart.
 *
 * @param secure IMAP over TLS, or SMTP with STARTTLS required
 */
public record MailServer(String host, int port, boolean secure, String user) {
}

/**
 * The email channel over IMAP and SMTP, or Gmail (issue 13): a workspace's mailboxes
 * ({@link io.parley.email.Mailboxes}), whose new mail becomes conversations on the
 * {@code email} channel; Gmail accounts ({@link io.parley.email.GmailMailboxes}) are read
 * through the Gmail API (docs/email.md).
 */
@org.jspecify.annotations.NullMarked
package io.parley.email;

/**
 * The email channel over IMAP and SMTP (issue 13): a workspace's mailboxes
 * ({@link io.parley.email.Mailboxes}), whose new mail becomes conversations on the
 * {@code email} channel. Gmail is not yet here (docs/email.md).
 */
@org.jspecify.annotations.NullMarked
package io.parley.email;

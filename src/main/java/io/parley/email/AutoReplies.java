package io.parley.email;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail a machine wrote: out-of-office answers ({@code Auto-Submitted}, RFC 3834), list
 * and bulk mail ({@code Precedence}), bounces (mailer-daemon, postmaster) and Parley's
 * own. It is imported and flagged, and never answered automatically, so two robots do not
 * answer each other for ever.
 */
final class AutoReplies {

	/** Set on every mail Parley sends, so its own mail coming back is recognised. */
	static final String PARLEY_HEADER = "X-Parley-Conversation";

	private AutoReplies() {
	}

	static boolean isAutomatic(MimeMessage mail) throws MessagingException {
		String submitted = header(mail, "Auto-Submitted");
		if (!submitted.isEmpty() && !submitted.equals("no")) {
			return true;
		}
		String precedence = header(mail, "Precedence");
		if (precedence.equals("bulk") || precedence.equals("auto_reply") || precedence.equals("list")
				|| precedence.equals("junk")) {
			return true;
		}
		if (!header(mail, "X-Autoreply").isEmpty() || !header(mail, "X-Autorespond").isEmpty()
				|| !header(mail, PARLEY_HEADER.toLowerCase(Locale.ROOT)).isEmpty()) {
			return true;
		}
		String from = header(mail, "From");
		String returnPath = header(mail, "Return-Path");
		return from.contains("mailer-daemon@") || from.contains("postmaster@") || returnPath.equals("<>");
	}

	private static String header(MimeMessage mail, String name) throws MessagingException {
		String value = mail.getHeader(name, ",");
		return (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
	}

}

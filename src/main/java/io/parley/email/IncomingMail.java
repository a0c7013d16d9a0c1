package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;

/**
 * What Parley reads of a mail: who wrote, about what, which mails it answers, the text
 * (plain preferred, else the HTML made safe and turned into text) and whether a machine
 * wrote it.
 *
 * @param messageId the mail's own Message-ID, or one made from its content when it has
 * none, so that a second copy is still recognised
 * @param replyTo the Message-IDs it answers, most direct first: In-Reply-To, then
 * References from the last
 * @param recipients every To and Cc address, lower case, for the reply address
 * @param bounce what the mail reports, when it may be a mail server's report that a mail
 * did not arrive
 */
record IncomingMail(String messageId, String fromAddress, @Nullable String fromName, @Nullable String subject,
		List<String> replyTo, List<String> recipients, String text, boolean automatic, @Nullable Bounce bounce) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,490}>");

	/**
	 * How much of a text in an unknown charset is read: far more than a message keeps.
	 */
	private static final int MAX_UNKNOWN_CHARSET_BYTES = 1024 * 1024;

	/** The longest subject a conversation keeps, as its column holds. */
	static final int MAX_SUBJECT = 300;

	static IncomingMail of(MimeMessage mail) throws MessagingException, IOException {
		Address[] from = mail.getFrom();
		InternetAddress sender = (from != null && from.length > 0 && from[0] instanceof InternetAddress address)
				? address : null;
		if (sender == null || sender.getAddress() == null) {
			throw new MessagingException("The mail names no sender");
		}
		String text = text(mail);
		List<String> replyTo = new ArrayList<>(ids(mail.getHeader("In-Reply-To", " ")));
		List<String> references = ids(mail.getHeader("References", " "));
		for (int i = references.size() - 1; i >= 0; i--) {
			if (!replyTo.contains(references.get(i))) {
				replyTo.add(references.get(i));
			}
		}
		List<String> own = ids(mail.getHeader("Message-ID", " "));
		String messageId = own.isEmpty() ? madeUpId(mail, text) : own.get(0);
		return new IncomingMail(messageId, sender.getAddress().toLowerCase(Locale.ROOT), oneLine(sender.getPersonal()),
				subject(mail.getSubject()), List.copyOf(replyTo), recipients(mail), text, AutoReplies.isAutomatic(mail),
				Bounce.of(mail));
	}

	/** The conversation's subject: one line, no longer than the column. */
	private static @Nullable String subject(@Nullable String subject) {
		String line = oneLine(subject);
		if (line == null || line.isEmpty()) {
			return null;
		}
		return (line.length() > MAX_SUBJECT) ? line.substring(0, MAX_SUBJECT) : line;
	}

	/** Names and subjects become headers and titles: no line breaks or controls. */
	static @Nullable String oneLine(@Nullable String text) {
		return (text != null) ? text.replaceAll("\\p{Cntrl}+", " ").trim() : null;
	}

	static List<String> ids(@Nullable String header) {
		List<String> ids = new ArrayList<>();
		if (header != null) {
			Matcher matcher = MESSAGE_ID.matcher(header);
			while (matcher.find()) {
				ids.add(matcher.group());
			}
		}
		return ids;
	}

	private static List<String> recipients(MimeMessage mail) throws MessagingException {
		List<String> recipients = new ArrayList<>();
		for (RecipientType type : List.of(RecipientType.TO, RecipientType.CC)) {
			Address[] addresses = mail.getRecipients(type);
			if (addresses != null) {
				for (Address address : addresses) {
					if (address instanceof InternetAddress internet && internet.getAddress() != null) {
						recipients.add(internet.getAddress().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		return recipients;
	}

	private static String text(Part part) throws MessagingException, IOException {
		String plain = find(part, "text/plain");
		if (plain != null && !plain.isBlank()) {
			return plain.strip();
		}
		String html = find(part, "text/html");
		return (html != null) ? SafeHtml.toText(html) : "";
	}

	private static @Nullable String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			Object content;
			try {
				content = part.getContent();
			}
			catch (UnsupportedEncodingException ex) {
				// a charset Java does not know: its bytes read as UTF-8, as well as they
				// can be
				try (InputStream bytes = part.getInputStream()) {
					return new String(bytes.readNBytes(MAX_UNKNOWN_CHARSET_BYTES), StandardCharsets.UTF_8);
				}
			}
			return (content instanceof String text) ? text : null;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String madeUpId(MimeMessage mail, String text) throws MessagingException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String header : new String[] { "From", "Date", "Subject" }) {
				String value = mail.getHeader(header, " ");
				digest.update(((value != null) ? value : "").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			digest.update(text.getBytes(StandardCharsets.UTF_8));
			return "<" + HexFormat.of().formatHex(digest.digest()) + "@no-message-id.parley>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The client id of the message the mail becomes: a repeat returns the first. */
	String clientMessageId() {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(this.messageId.getBytes(StandardCharsets.UTF_8));
			return "email:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "IncomingMail[" + this.messageId + "]";
	}

}

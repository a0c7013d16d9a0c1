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
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * What Parley reads of a mail: who wrote, about what, which mails it answers, the text
 * (plain preferred, else the HTML made safe and turned into text), the files it carries
 * and whether a machine wrote it.
 *
 * @param messageId the mail's own Message-ID, or one made from its content when it has
 * none, so that a second copy is still recognised
 * @param replyTo the Message-IDs it answers, most direct first: In-Reply-To, then
 * References from the last
 * @param recipients every To and Cc address, lower case, for the reply address
 * @param bounce what the mail reports, when it may be a mail server's report that a mail
 * did not arrive
 * @param files its attachments and inline images
 */
record IncomingMail(String messageId, String fromAddress, @Nullable String fromName, @Nullable String subject,
		List<String> replyTo, List<String> recipients, String text, boolean automatic, @Nullable Bounce bounce,
		List<MailFile> files) {

	/**
	 * A file the mail carries: an attachment part, a non-text part with a file name, or
	 * an inline image named by its Content-ID (decision 111).
	 *
	 * @param name the sender's name for it, or {@code null}
	 * @param type the type the mail declares, lower case, without parameters
	 * @param contentId the part's Content-ID without its brackets, or {@code null}
	 */
	record MailFile(@Nullable String name, String type, @Nullable String contentId, byte[] content) {

		/** The name a note shows. */
		String shownName() {
			if (this.name != null && !this.name.isBlank()) {
				return oneLine(this.name);
			}
			return (this.contentId != null) ? oneLine(this.contentId) : "unnamed";
		}

		@Override
		public String toString() {
			return "MailFile[" + shownName() + ", " + this.type + ", " + this.content.length + " bytes]";
		}

	}

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
				Bounce.of(mail), files(mail));
	}

	/** The files of the mail, in the order it holds them. */
	private static List<MailFile> files(Part mail) throws MessagingException, IOException {
		List<MailFile> files = new ArrayList<>();
		collect(mail, files, true);
		return List.copyOf(files);
	}

	private static void collect(Part part, List<MailFile> files, boolean top) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			if (part.getContent() instanceof MimeMultipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), files, false);
				}
			}
			return;
		}
		if (top) {
			// a mail that is a single part is its text
			return;
		}
		String name = fileName(part);
		String contentId = (part instanceof MimeBodyPart body) ? contentId(body.getContentID()) : null;
		boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		boolean text = part.isMimeType("text/plain") || part.isMimeType("text/html");
		boolean file = attached || (!text && name != null) || (contentId != null && part.isMimeType("image/*"));
		if (!file) {
			return;
		}
		byte[] content;
		try (InputStream bytes = part.getInputStream()) {
			content = bytes.readAllBytes();
		}
		files.add(new MailFile(name, baseType(part.getContentType()), contentId, content));
	}

	private static @Nullable String fileName(Part part) {
		try {
			String name = part.getFileName();
			return (name != null && !name.isBlank()) ? MimeUtility.decodeText(name) : null;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			return null;
		}
	}

	private static @Nullable String contentId(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String id = header.strip();
		if (id.startsWith("<") && id.endsWith(">")) {
			id = id.substring(1, id.length() - 1);
		}
		return id.isBlank() ? null : id;
	}

	private static String baseType(@Nullable String contentType) {
		if (contentType == null) {
			return "application/octet-stream";
		}
		try {
			return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (ParseException ex) {
			return "application/octet-stream";
		}
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

package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;

/**
 * A mail server's report that a mail did not arrive (decision 101): a delivery status
 * notification ({@code multipart/report}, RFC 3464), a mail from mailer-daemon or
 * postmaster, or a mail with the null sender ({@code Return-Path: <>}) that names a mail
 * Parley sent. It is never imported as the customer's message and never answered; the
 * reply it returns is marked bounced.
 *
 * @param returned every Message-ID the report names (its In-Reply-To, References and the
 * headers of the returned mail), among which Parley looks for its own reply
 * @param reason the report's status and diagnostic, one line, or its subject
 * @param certain a report or a daemon's mail; a null sender alone (as out-of-office
 * answers have) is a bounce only when it names one of Parley's replies
 */
record Bounce(List<String> returned, String reason, boolean certain) {

	/** How much of the report is read for the returned mail's Message-ID. */
	private static final int MAX_READ = 1024 * 1024;

	private static final Pattern STATUS = Pattern.compile("(?im)^(Status|Diagnostic-Code)\\s*:\\s*(.+)$");

	static @Nullable Bounce of(MimeMessage mail) throws MessagingException, IOException {
		boolean report = mail.isMimeType("multipart/report");
		boolean daemon = fromDaemon(mail);
		String returnPath = mail.getHeader("Return-Path", ",");
		boolean nullSender = returnPath != null && returnPath.replaceAll("\\s", "").equals("<>");
		if (!report && !daemon && !nullSender) {
			return null;
		}
		Set<String> ids = new LinkedHashSet<>(IncomingMail.ids(mail.getHeader("In-Reply-To", " ")));
		ids.addAll(IncomingMail.ids(mail.getHeader("References", " ")));
		StringBuilder status = new StringBuilder();
		scan(mail, ids, status, new int[] { MAX_READ });
		String reason = (status.length() > 0) ? status.toString() : "Returned: " + mail.getSubject();
		return new Bounce(List.copyOf(ids), IncomingMail.oneLine(reason), report || daemon);
	}

	private static boolean fromDaemon(MimeMessage mail) throws MessagingException {
		if (mail.getFrom() == null) {
			return false;
		}
		for (var from : mail.getFrom()) {
			if (from instanceof InternetAddress address && address.getAddress() != null) {
				String local = address.getAddress().toLowerCase(Locale.ROOT);
				if (local.startsWith("mailer-daemon@") || local.startsWith("postmaster@")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The Message-IDs and status lines of the report's parts, up to {@code budget}. */
	private static void scan(Part part, Set<String> ids, StringBuilder status, int[] budget)
			throws MessagingException, IOException {
		if (budget[0] <= 0) {
			return;
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				scan(multipart.getBodyPart(i), ids, status, budget);
			}
			return;
		}
		if (!part.isMimeType("text/*") && !part.isMimeType("message/*")) {
			return;
		}
		String text = read(part, budget);
		if (part.isMimeType("message/delivery-status")) {
			List<String> lines = new ArrayList<>();
			Matcher matcher = STATUS.matcher(text);
			while (matcher.find()) {
				lines.add(matcher.group(1) + ": " + matcher.group(2).trim());
			}
			status.append(String.join("; ", lines));
		}
		ids.addAll(IncomingMail.ids(text));
	}

	private static String read(Part part, int[] budget) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(budget[0]);
			budget[0] -= bytes.length;
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}

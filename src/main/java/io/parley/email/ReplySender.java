package io.parley.email;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import io.parley.system.Timestamps;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Mails queued replies through their mailbox's SMTP server, or the Gmail API for a Gmail
 * inbox ({@link GmailSender}), threaded: the Message-ID chosen when queued, In-Reply-To
 * the customer's last mail, References the whole thread, from the mailbox's name and
 * address, with its signature and the message's files ({@link ReplyContent}), answerable
 * at the conversation's reply address. A server that refuses or is away is tried again
 * with growing pauses ({@link #backoff}); after {@link #MAX_ATTEMPTS} tries the reply is
 * marked not delivered.
 */
@Component
class ReplySender {

	private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

	static final int MAX_ATTEMPTS = 6;

	/** Longer than one send may take (its timeouts); released when it ends. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final EmailOutbox outbox;

	private final EmailInboxes inboxes;

	private final EmailMessages messages;

	private final GmailSender gmail;

	private final ReplyContent content;

	private final Clock clock;

	ReplySender(EmailOutbox outbox, EmailInboxes inboxes, EmailMessages messages, GmailSender gmail,
			ReplyContent content, Clock clock) {
		this.outbox = outbox;
		this.inboxes = inboxes;
		this.messages = messages;
		this.gmail = gmail;
		this.content = content;
		this.clock = clock;
	}

	/** 30 s after the first failure, doubling up to an hour. */
	static Duration backoff(int failures) {
		return Duration.ofSeconds(30L << Math.min(failures, 7)).compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1)
				: Duration.ofSeconds(30L << Math.min(failures, 7));
	}

	/** Sends what is due; how many replies went out. */
	int sendDue() {
		int sent = 0;
		Instant now = Timestamps.now(this.clock);
		for (UUID id : this.outbox.due(now, 20)) {
			EmailOutbox.Reply reply = this.outbox.take(id, now, now.plus(LEASE)).orElse(null);
			if (reply != null && send(reply)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(EmailOutbox.Reply reply) {
		EmailInbox inbox = this.inboxes.find(reply.inboxId()).orElse(null);
		EmailMessages.Incoming answered = this.messages.lastIncoming(reply.conversationId()).orElse(null);
		if (inbox == null || answered == null) {
			return false;
		}
		try {
			if (inbox.kind() == EmailInbox.Kind.GMAIL) {
				this.gmail.send(inbox,
						mail(new MimeMessage(Session.getInstance(new Properties())), inbox, answered, reply),
						reply.messageId(), answered.messageId());
			}
			else {
				JavaMailSenderImpl sender = sender(inbox);
				sender.send(mail(sender.createMimeMessage(), inbox, answered, reply));
			}
			this.outbox.sent(reply, Timestamps.now(this.clock));
			return true;
		}
		// a stored password that cannot be opened (IllegalStateException) fails
		// this reply, never the round: the other replies still go out
		catch (MailException | MessagingException | IOException | IllegalStateException ex) {
			Instant now = Timestamps.now(this.clock);
			String reason = (ex instanceof IOException google) ? GmailErrors.reason(google)
					: ex.getClass().getSimpleName() + ": " + ex.getMessage();
			boolean last = reply.attempts() + 1 >= MAX_ATTEMPTS;
			// the server's answer: never the SMTP password
			log.warn("Reply {} of conversation {} was not mailed{}: {}", reply.sequence(), reply.conversationId(),
					last ? " and is given up" : ", it is tried again later", reason);
			this.outbox.failed(reply, reason, now.plus(backoff(reply.attempts())));
			return false;
		}
	}

	private JavaMailSenderImpl sender(EmailInbox inbox) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(inbox.smtp().host());
		sender.setPort(inbox.smtp().port());
		sender.setUsername(inbox.smtp().user());
		sender.setPassword(this.inboxes.passwords(inbox.id()).smtp());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.auth", "true");
		properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(inbox.smtp().secure()));
		properties.setProperty("mail.smtp.starttls.required", Boolean.toString(inbox.smtp().secure()));
		for (String timeout : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
			properties.setProperty("mail.smtp." + timeout, "10000");
		}
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private MimeMessage mail(MimeMessage mail, EmailInbox inbox, EmailMessages.Incoming answered,
			EmailOutbox.Reply reply) throws MessagingException, UnsupportedEncodingException {
		mail.setFrom(new InternetAddress(inbox.fromAddress(), IncomingMail.oneLine(inbox.displayName()), "UTF-8"));
		mail.setRecipient(RecipientType.TO, new InternetAddress(answered.address()));
		mail.setReplyTo(
				new Address[] { new InternetAddress(ReplyAddress.of(inbox.fromAddress()).of(reply.conversationId()),
						IncomingMail.oneLine(inbox.displayName()), "UTF-8") });
		mail.setSubject(subject(answered.subject()), "UTF-8");
		this.content.fill(mail, inbox, reply);
		List<String> thread = this.messages.thread(inbox.id(), reply.conversationId())
			.stream()
			.filter((id) -> !id.equals(reply.messageId()))
			.toList();
		mail.setHeader("In-Reply-To", answered.messageId());
		mail.setHeader("References", String.join(" ", thread));
		mail.setHeader(AutoReplies.PARLEY_HEADER, reply.conversationId().value().toString());
		mail.setHeader("Auto-Submitted", "no");
		mail.saveChanges();
		// after saveChanges, which makes up one of its own; Spring's sender keeps it
		mail.setHeader("Message-ID", reply.messageId());
		return mail;
	}

	private static String subject(String subject) {
		String shown = (subject != null) ? subject : "Your message";
		return shown.toLowerCase(Locale.ROOT).startsWith("re:") ? shown : "Re: " + shown;
	}

}

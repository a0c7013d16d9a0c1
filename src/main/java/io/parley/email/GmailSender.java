package io.parley.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;

import com.google.api.services.gmail.model.Message;
import io.parley.system.Timestamps;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/**
 * Sends a reply through the Gmail API ({@code messages.send}), in the Gmail thread of the
 * mail it answers, and notes the sent message's Gmail id so that it is never imported.
 * The outbox around it retries as for SMTP (decision 95).
 */
@Component
class GmailSender {

	private final GmailApi api;

	private final GmailAccounts accounts;

	private final GmailMessages gmailMessages;

	private final Clock clock;

	GmailSender(GmailApi api, GmailAccounts accounts, GmailMessages gmailMessages, Clock clock) {
		this.api = api;
		this.accounts = accounts;
		this.gmailMessages = gmailMessages;
		this.clock = clock;
	}

	/**
	 * @param answered the Message-ID of the mail the reply answers, whose Gmail thread it
	 * joins
	 */
	void send(EmailInbox inbox, MimeMessage mail, String messageId, String answered)
			throws IOException, MessagingException {
		String refreshToken = this.accounts.find(inbox.id())
			.map(GmailAccounts.Account::refreshToken)
			.orElseThrow(() -> new IOException("The Gmail account is not connected"));
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		mail.writeTo(raw);
		Message message = new Message().encodeRaw(raw.toByteArray());
		this.gmailMessages.threadOf(inbox.id(), answered).ifPresent(message::setThreadId);
		Message sent = this.api.client(refreshToken).users().messages().send("me", message).execute();
		if (sent.getId() != null) {
			this.gmailMessages.add(inbox.id(), sent.getId(),
					(sent.getThreadId() != null) ? sent.getThreadId() : sent.getId(), messageId,
					Timestamps.now(this.clock));
		}
	}

}

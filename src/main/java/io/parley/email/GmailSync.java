package io.parley.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import io.parley.system.ParleyException;
import io.parley.system.Timestamps;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads a Gmail inbox's news: {@code users.history.list} from the stored history id, page
 * by page; when Google answers that the id is too old (404), a full sync of INBOX by
 * {@code messages.list}. Each message is fetched raw once ({@code messages.get}) and fed
 * to the same import as IMAP mail; Gmail ids already read are not fetched again, and the
 * Message-IDs keep anything from being imported twice (decision 104).
 */
@Component
class GmailSync {

	private static final Logger log = LoggerFactory.getLogger(GmailSync.class);

	/** The most messages a full sync reads, newest first; imported oldest first. */
	static final int FULL_SYNC_LIMIT = 2000;

	private final GmailApi api;

	private final GmailAccounts accounts;

	private final GmailMessages gmailMessages;

	private final EmailInboxes inboxes;

	private final MailImport mailImport;

	private final Clock clock;

	GmailSync(GmailApi api, GmailAccounts accounts, GmailMessages gmailMessages, EmailInboxes inboxes,
			MailImport mailImport, Clock clock) {
		this.api = api;
		this.accounts = accounts;
		this.gmailMessages = gmailMessages;
		this.inboxes = inboxes;
		this.mailImport = mailImport;
		this.clock = clock;
	}

	void read(EmailInbox inbox, GmailAccounts.Account account) {
		if (account.refreshToken() == null) {
			return;
		}
		Gmail gmail = this.api.client(account.refreshToken());
		try {
			try {
				if (account.historyId() == null) {
					full(inbox, gmail);
				}
				else {
					history(inbox, gmail, account.historyId());
				}
			}
			catch (GoogleJsonResponseException ex) {
				if (!GmailErrors.historyExpired(ex)) {
					throw ex;
				}
				log.info("Inbox {}: Gmail no longer has history {}, its INBOX is read whole, nothing twice", inbox.id(),
						account.historyId());
				full(inbox, gmail);
			}
			this.inboxes.synced(inbox.id(), Timestamps.now(this.clock));
		}
		catch (IOException | RuntimeException ex) {
			String reason = GmailErrors.reason(ex);
			log.warn("Inbox {} could not read its Gmail, it is tried again later: {}", inbox.id(), reason);
			this.inboxes.failed(inbox.id(), reason);
		}
	}

	private void history(EmailInbox inbox, Gmail gmail, long start) throws IOException {
		String page = null;
		BigInteger latest = null;
		do {
			ListHistoryResponse response = gmail.users()
				.history()
				.list("me")
				.setStartHistoryId(BigInteger.valueOf(start))
				.setHistoryTypes(List.of("messageAdded"))
				.setLabelId("INBOX")
				.setPageToken(page)
				.execute();
			for (History history : orEmpty(response.getHistory())) {
				for (HistoryMessageAdded added : orEmpty(history.getMessagesAdded())) {
					if (added.getMessage() != null && added.getMessage().getId() != null) {
						receive(inbox, gmail, added.getMessage().getId());
					}
				}
			}
			latest = response.getHistoryId();
			page = response.getNextPageToken();
		}
		while (page != null);
		if (latest != null) {
			this.accounts.historyRead(inbox.id(), latest.longValueExact());
		}
	}

	private void full(EmailInbox inbox, Gmail gmail) throws IOException {
		// taken first: what arrives during the listing is read by the next history read
		BigInteger current = gmail.users().getProfile("me").execute().getHistoryId();
		List<String> ids = new ArrayList<>();
		String page = null;
		do {
			ListMessagesResponse response = gmail.users()
				.messages()
				.list("me")
				.setLabelIds(List.of("INBOX"))
				.setMaxResults(500L)
				.setPageToken(page)
				.execute();
			for (Message message : orEmpty(response.getMessages())) {
				ids.add(message.getId());
			}
			page = response.getNextPageToken();
		}
		while (page != null && ids.size() < FULL_SYNC_LIMIT);
		List<String> oldestFirst = new ArrayList<>(ids.subList(0, Math.min(ids.size(), FULL_SYNC_LIMIT)));
		Collections.reverse(oldestFirst);
		for (String id : oldestFirst) {
			receive(inbox, gmail, id);
		}
		this.accounts.historyRead(inbox.id(), current.longValueExact());
	}

	/** One Gmail message into Parley, unless it was read before. */
	private void receive(EmailInbox inbox, Gmail gmail, String gmailId) throws IOException {
		if (this.gmailMessages.known(inbox.id(), gmailId)) {
			return;
		}
		Message message;
		try {
			message = gmail.users().messages().get("me", gmailId).setFormat("raw").execute();
		}
		catch (GoogleJsonResponseException ex) {
			if (ex.getStatusCode() == 404) {
				// deleted since the history named it
				return;
			}
			throw ex;
		}
		String threadId = (message.getThreadId() != null) ? message.getThreadId() : gmailId;
		IncomingMail mail;
		try {
			mail = IncomingMail.of(new MimeMessage(Session.getInstance(new Properties()),
					new ByteArrayInputStream(message.decodeRaw())));
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.warn("Gmail message {} of inbox {} cannot be read and is skipped: {}", gmailId, inbox.id(),
					ex.getMessage());
			this.gmailMessages.add(inbox.id(), gmailId, threadId, "<" + gmailId + "@unreadable.gmail.parley>",
					Timestamps.now(this.clock));
			return;
		}
		Runnable recorded = () -> this.gmailMessages.add(inbox.id(), gmailId, threadId, mail.messageId(),
				Timestamps.now(this.clock));
		try {
			this.mailImport.receive(inbox, mail, recorded);
		}
		catch (ParleyException ex) {
			log.warn("Gmail message {} of inbox {} is refused and skipped: {}", gmailId, inbox.id(), ex.code());
			recorded.run();
		}
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}

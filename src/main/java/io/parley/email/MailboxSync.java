package io.parley.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

import io.parley.system.ParleyException;
import io.parley.system.Timestamps;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's INBOX over IMAP by UID: exactly the UIDs above the last one imported
 * under the same UIDVALIDITY, so a mailbox that was not read for an hour (Parley down,
 * the server away) gives exactly the mail it missed. A new UIDVALIDITY reads the whole
 * folder again, and the stored Message-IDs keep anything from being imported twice
 * (decision 90). A mail that cannot be read is skipped with a logged reason; a mail that
 * cannot be stored stops the sync, to be tried again next time.
 */
@Component
class MailboxSync {

	private static final Logger log = LoggerFactory.getLogger(MailboxSync.class);

	/** How long a connection, a read and a write to the IMAP server may take. */
	static final String TIMEOUT_MILLIS = "20000";

	private final EmailInboxes inboxes;

	private final MailImport mailImport;

	private final Clock clock;

	MailboxSync(EmailInboxes inboxes, MailImport mailImport, Clock clock) {
		this.inboxes = inboxes;
		this.mailImport = mailImport;
		this.clock = clock;
	}

	void sync(EmailInbox inbox) {
		String protocol = protocol(inbox);
		try (Store store = Session.getInstance(properties(protocol, TIMEOUT_MILLIS)).getStore(protocol)) {
			store.connect(inbox.imap().host(), inbox.imap().port(), inbox.imap().user(),
					this.inboxes.passwords(inbox.id()).imap());
			Folder folder = store.getFolder("INBOX");
			folder.open(Folder.READ_ONLY);
			try {
				read(inbox, folder);
			}
			finally {
				folder.close(false);
			}
			this.inboxes.synced(inbox.id(), Timestamps.now(this.clock));
		}
		catch (MessagingException | RuntimeException ex) {
			// the server's answer or the cause's name: never the password, which
			// Jakarta Mail does not put in its messages
			String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.warn("Inbox {} could not be read, it is tried again later: {}", inbox.id(), reason);
			this.inboxes.failed(inbox.id(), reason);
		}
	}

	/**
	 * The mail as the server stores it, parsed here: not through the server's ENVELOPE
	 * (which {@code new MimeMessage(MimeMessage)} loads), which some servers answer
	 * unreadably for a header with an encoded line break in it.
	 */
	private static MimeMessage copy(Message message) throws MessagingException, IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		message.writeTo(bytes);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
	}

	static String protocol(EmailInbox inbox) {
		return inbox.imap().secure() ? "imaps" : "imap";
	}

	/**
	 * The connection's limits: {@code readTimeoutMillis} is how long the server may stay
	 * silent, longer for an IDLE connection than for a sync.
	 */
	static Properties properties(String protocol, String readTimeoutMillis) {
		Properties properties = new Properties();
		properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
		properties.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
		properties.setProperty("mail." + protocol + ".timeout", readTimeoutMillis);
		return properties;
	}

	private void read(EmailInbox inbox, Folder folder) throws MessagingException {
		UIDFolder uids = (UIDFolder) folder;
		long validity = uids.getUIDValidity();
		boolean same = inbox.uidValidity() != null && inbox.uidValidity() == validity;
		if (!same && inbox.uidValidity() != null) {
			log.info("Inbox {} has a new UIDVALIDITY: it is read again, nothing is imported twice", inbox.id());
		}
		long last = same ? inbox.lastUid() : 0;
		Message[] found = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		folder.fetch(found, profile);
		for (Message message : found) {
			long uid = uids.getUID(message);
			// "n:*" also names the last mail when none is above n
			if (uid <= last) {
				continue;
			}
			IncomingMail mail;
			try {
				mail = IncomingMail.of(copy(message));
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				log.warn("Mail {} of inbox {} cannot be read and is skipped: {}", uid, inbox.id(), ex.getMessage());
				this.inboxes.advance(inbox.id(), validity, uid);
				last = uid;
				continue;
			}
			try {
				this.mailImport.receive(inbox, validity, uid, mail);
			}
			catch (ParleyException ex) {
				log.warn("Mail {} of inbox {} is refused and skipped: {}", uid, inbox.id(), ex.code());
				this.inboxes.advance(inbox.id(), validity, uid);
			}
			last = uid;
		}
		this.inboxes.advance(inbox.id(), validity, last);
	}

}

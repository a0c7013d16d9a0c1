package io.parley.email;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.conversation.Attachments;
import io.parley.conversation.Author;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationIntake;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageType;
import io.parley.conversation.Upload;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.Timestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One mail into Parley, exactly once: a Message-ID the mailbox has seen is skipped (its
 * conversation may be gone: it is not made again); a reply joins its conversation by
 * In-Reply-To and References, then by the reply address, else it starts one (a merged
 * conversation's reply joins the one it was merged into); the sender becomes a contact by
 * their address. The message's client id comes from the Message-ID, so a crash between
 * storing the message and noting the mail repeats nothing. Its files become the message's
 * attachments within the widget's limits; the others are noted in its text (decision
 * 111).
 */
@Component
class MailImport {

	private static final Logger log = LoggerFactory.getLogger(MailImport.class);

	/** The most files a mail brings in; the others are noted in its text. */
	static final int MAX_FILES = 20;

	/** What the client id of a new conversation's files ends with. */
	private static final String FILES = ":files";

	private static final Map<Attachments.Refusal, String> REASONS = Map.of(Attachments.Refusal.TOO_LARGE, "too large",
			Attachments.Refusal.TYPE_NOT_ALLOWED, "type not allowed", Attachments.Refusal.EMPTY, "empty");

	private final EmailMessages messages;

	private final EmailInboxes inboxes;

	private final EmailOutbox outbox;

	private final ContactDirectory contacts;

	private final ConversationIntake intake;

	private final CustomerConversations conversations;

	private final MessageLog messageLog;

	private final Attachments attachments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailImport(EmailMessages messages, EmailInboxes inboxes, EmailOutbox outbox, ContactDirectory contacts,
			ConversationIntake intake, CustomerConversations conversations, MessageLog messageLog,
			Attachments attachments, PlatformTransactionManager transactions, Clock clock) {
		this.messages = messages;
		this.inboxes = inboxes;
		this.outbox = outbox;
		this.contacts = contacts;
		this.intake = intake;
		this.conversations = conversations;
		this.messageLog = messageLog;
		this.attachments = attachments;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Imports the mail of UID {@code uid} and notes the mailbox got that far. */
	void receive(EmailInbox inbox, long uidValidity, long uid, IncomingMail mail) {
		receive(inbox, mail, () -> this.inboxes.advance(inbox.id(), uidValidity, uid));
	}

	/**
	 * Imports the mail and runs {@code recorded} (how far the reading got) in the
	 * transaction that notes the mail, or alone when the mail is known already.
	 */
	void receive(EmailInbox inbox, IncomingMail mail, Runnable recorded) {
		if (this.messages.known(inbox.id(), mail.messageId())) {
			this.transaction.executeWithoutResult((status) -> recorded.run());
			return;
		}
		if (mail.bounce() != null && Boolean.TRUE
			.equals(this.transaction.execute((status) -> bounced(inbox, mail, mail.bounce(), recorded, status)))) {
			return;
		}
		Contact contact = this.transaction
			.execute((status) -> this.contacts.byEmail(inbox.workspaceId(), mail.fromAddress(), mail.fromName()));
		List<Upload> kept = new ArrayList<>();
		String content = content(mail, notes(mail, kept));
		Message message = thread(inbox, contact, mail)
			.map((conversation) -> post(inbox, contact, conversation, mail, content, kept))
			.orElse(null);
		if (message == null) {
			message = this.transaction.execute(
					(status) -> this.intake
						.start(inbox.workspaceId(), contact.id(), Channel.EMAIL,
								new Conversation.Context(mail.subject(), null, null), content, mail.clientMessageId(),
								inbox.defaultSupervisor())
						.message());
			if (!kept.isEmpty()) {
				// a conversation starts with text: the files follow in the next message
				this.attachments.uploadAll(author(contact), inbox.workspaceId(), message.conversationId(), kept, "",
						mail.clientMessageId() + FILES);
			}
		}
		Message stored = message;
		this.transaction.executeWithoutResult((status) -> {
			this.messages.add(inbox.id(), inbox.workspaceId(), mail.messageId(), stored.conversationId(),
					stored.sequence(), mail.fromAddress(), mail.subject(), mail.automatic(),
					Timestamps.now(this.clock));
			recorded.run();
		});
		if (mail.automatic()) {
			log.info("Mail {} of inbox {} is automatic: imported, never answered", mail.messageId(), inbox.id());
		}
	}

	/**
	 * A mail server's report: the reply it returns is marked bounced and the report is
	 * noted, never imported (decision 101). A null sender's mail that names no reply of
	 * Parley is not one: {@code false}, and nothing was written.
	 */
	private boolean bounced(EmailInbox inbox, IncomingMail mail, Bounce bounce, Runnable recorded,
			TransactionStatus status) {
		Optional<EmailOutbox.Delivery> reply = this.outbox.bounced(inbox.id(), bounce.returned(), bounce.reason());
		if (reply.isEmpty() && !bounce.certain()) {
			return false;
		}
		this.messages.add(inbox.id(), inbox.workspaceId(), mail.messageId(), null, null, mail.fromAddress(),
				mail.subject(), true, Timestamps.now(this.clock));
		recorded.run();
		if (reply.isPresent()) {
			log.info("Mail {} of inbox {} is a bounce of reply {}: {}", mail.messageId(), inbox.id(),
					reply.get().sequence(), bounce.reason());
		}
		else {
			log.info("Mail {} of inbox {} is a bounce of no reply Parley knows: not imported", mail.messageId(),
					inbox.id());
		}
		return true;
	}

	/** The contact's conversation the mail answers, if any is left. */
	private Optional<Conversation> thread(EmailInbox inbox, Contact contact, IncomingMail mail) {
		Optional<ConversationId> id = this.messages.conversationOf(inbox.id(), mail.replyTo());
		if (id.isEmpty()) {
			id = ReplyAddress.of(inbox.fromAddress()).conversationIn(mail.recipients());
		}
		// a conversation merged into another is answered there (decision 84)
		return id.flatMap((found) -> this.conversations.findFollowingMerges(inbox.workspaceId(), contact.id(), found));
	}

	/**
	 * The mail in its conversation; {@code null} when the conversation is closed, which
	 * takes no message any more: the mail then starts a new one (decision 93).
	 */
	private @Nullable Message post(EmailInbox inbox, Contact contact, Conversation conversation, IncomingMail mail,
			String content, List<Upload> files) {
		try {
			if (!files.isEmpty()) {
				// one message with its text and every file, committed together
				return this.attachments
					.uploadAll(author(contact), inbox.workspaceId(), conversation.id(), files, content,
							mail.clientMessageId())
					.message();
			}
			return this.messageLog
				.postAs(author(contact), inbox.workspaceId(), conversation.id(), MessageType.TEXT, content,
						mail.clientMessageId())
				.message();
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.CONVERSATION_ALREADY_CLOSED) {
				throw ex;
			}
			return null;
		}
	}

	private static Author.Contact author(Contact contact) {
		return new Author.Contact(contact.id(), contact.userId(), contact.name(), null);
	}

	/**
	 * Sorts the mail's files into those kept, at most {@value #MAX_FILES} within the
	 * attachment limits, and a note for each other (decision 111).
	 */
	private String notes(IncomingMail mail, List<Upload> kept) {
		StringBuilder notes = new StringBuilder();
		for (IncomingMail.MailFile file : mail.files()) {
			byte[] bytes = file.content();
			Upload upload = new Upload(file.shownName(), bytes.length, () -> new ByteArrayInputStream(bytes));
			String reason;
			if (kept.size() >= MAX_FILES) {
				reason = "more than " + MAX_FILES + " files";
			}
			else {
				Attachments.Refusal refusal = this.attachments.refusal(upload);
				reason = (refusal != null) ? REASONS.get(refusal) : null;
			}
			if (reason == null) {
				kept.add(upload);
			}
			else {
				notes.append("\n[Attachment not imported: ")
					.append(file.shownName())
					.append(" (")
					.append(file.type())
					.append(", ")
					.append(size(bytes.length))
					.append("): ")
					.append(reason)
					.append("]");
			}
		}
		return notes.toString();
	}

	private static String size(long bytes) {
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
		}
		if (bytes >= 1024) {
			return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
		}
		return bytes + " bytes";
	}

	/**
	 * The text as a message holds it, with the notes of refused files: never empty, never
	 * longer than a message.
	 */
	private static String content(IncomingMail mail, String notes) {
		String text = mail.text().isBlank() ? "(" + Optional.ofNullable(mail.subject()).orElse("no text") + ")"
				: mail.text();
		String cut = "\n[…]";
		int room = Message.MAX_LENGTH - notes.length();
		if (room < cut.length() + 1) {
			notes = "";
			room = Message.MAX_LENGTH;
		}
		if (text.length() > room) {
			text = text.substring(0, room - cut.length()) + cut;
		}
		return text + notes;
	}

}

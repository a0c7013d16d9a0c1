package io.parley.email;

import java.time.Clock;
import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.conversation.Author;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationIntake;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageType;
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
 * storing the message and noting the mail repeats nothing.
 */
@Component
class MailImport {

	private static final Logger log = LoggerFactory.getLogger(MailImport.class);

	private final EmailMessages messages;

	private final EmailInboxes inboxes;

	private final EmailOutbox outbox;

	private final ContactDirectory contacts;

	private final ConversationIntake intake;

	private final CustomerConversations conversations;

	private final MessageLog messageLog;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailImport(EmailMessages messages, EmailInboxes inboxes, EmailOutbox outbox, ContactDirectory contacts,
			ConversationIntake intake, CustomerConversations conversations, MessageLog messageLog,
			PlatformTransactionManager transactions, Clock clock) {
		this.messages = messages;
		this.inboxes = inboxes;
		this.outbox = outbox;
		this.contacts = contacts;
		this.intake = intake;
		this.conversations = conversations;
		this.messageLog = messageLog;
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
		String content = content(mail);
		Message message = thread(inbox, contact, mail)
			.map((conversation) -> post(inbox, contact, conversation, mail, content))
			.orElse(null);
		if (message == null) {
			message = this.transaction.execute((status) -> this.intake
				.start(inbox.workspaceId(), contact.id(), Channel.EMAIL,
						new Conversation.Context(mail.subject(), null, null), content, mail.clientMessageId())
				.message());
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
			String content) {
		try {
			return this.messageLog
				.postAs(new Author.Contact(contact.id(), contact.userId(), contact.name(), null), inbox.workspaceId(),
						conversation.id(), MessageType.TEXT, content, mail.clientMessageId())
				.message();
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.CONVERSATION_ALREADY_CLOSED) {
				throw ex;
			}
			return null;
		}
	}

	/** The text as a message holds it: never empty, never longer than a message. */
	private static String content(IncomingMail mail) {
		String text = mail.text().isBlank() ? "(" + Optional.ofNullable(mail.subject()).orElse("no text") + ")"
				: mail.text();
		if (text.length() > Message.MAX_LENGTH) {
			String cut = "\n[…]";
			text = text.substring(0, Message.MAX_LENGTH - cut.length()) + cut;
		}
		return text;
	}

}

package io.parley.email;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.parley.conversation.Author;
import io.parley.conversation.FeedEntry;
import io.parley.conversation.Message;
import io.parley.conversation.MessageFeed;
import io.parley.conversation.MessageType;
import io.parley.system.Timestamps;

import org.springframework.stereotype.Component;

/**
 * Reads the message log from its own cursor and queues, for mailing, every visible text
 * and file message an agent wrote in a conversation that came by mail (a file message's
 * caption is its text, its files go along: {@link ReplyContent}): internal notes, system
 * lines and bots' answers are never mailed. The log is read in the transaction that moves
 * the cursor, so a reply is queued once, and never lost to a crash (decision 95).
 */
@Component
class ReplyQueue {

	/** The consumer's name in the feed's cursors: renaming code keeps it. */
	static final String CONSUMER = "email-replies";

	private final MessageFeed feed;

	private final EmailMessages messages;

	private final EmailInboxes inboxes;

	private final EmailOutbox outbox;

	private final Clock clock;

	ReplyQueue(MessageFeed feed, EmailMessages messages, EmailInboxes inboxes, EmailOutbox outbox, Clock clock) {
		this.feed = feed;
		this.messages = messages;
		this.inboxes = inboxes;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Queues what was written since the last call; how many log entries it read. */
	int queueNew() {
		return this.feed.poll(CONSUMER, 200, (entries) -> entries.forEach(this::queue));
	}

	private void queue(FeedEntry entry) {
		Message message = entry.message();
		if (!(message.author() instanceof Author.Member) || message.isInternal()
				|| (message.type() != MessageType.TEXT && message.type() != MessageType.FILE)) {
			return;
		}
		Optional<EmailMessages.Incoming> answered = this.messages.lastIncoming(message.conversationId());
		if (answered.isEmpty()) {
			return;
		}
		EmailInbox inbox = this.inboxes.find(answered.get().inboxId()).orElse(null);
		if (inbox == null) {
			return;
		}
		String domain = ReplyAddress.of(inbox.fromAddress()).domain();
		EmailOutbox.Reply reply = new EmailOutbox.Reply(UUID.randomUUID(), inbox.id(), entry.workspace(),
				message.conversationId(), message.sequence(), "<" + UUID.randomUUID() + "@" + domain + ">",
				message.content(), 0);
		if (this.outbox.add(reply, Timestamps.now(this.clock))) {
			// known from now on: the customer's answer to it threads by In-Reply-To
			this.messages.add(inbox.id(), entry.workspace(), reply.messageId(), message.conversationId(),
					message.sequence(), null, null, false, Timestamps.now(this.clock));
		}
	}

}

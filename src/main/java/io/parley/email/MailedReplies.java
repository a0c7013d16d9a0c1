package io.parley.email;

import java.time.Clock;

import io.parley.conversation.ConversationId;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Inbox;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's replies that went out by mail: one that was not delivered (given up after
 * the last try, or bounced) is queued again by someone who may write in its conversation.
 */
@Service
public class MailedReplies {

	private final EmailOutbox outbox;

	private final Inbox inbox;

	private final Clock clock;

	MailedReplies(EmailOutbox outbox, Inbox inbox, Clock clock) {
		this.outbox = outbox;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * Queues the reply of {@code sequence} again, to go out with the next send round and
	 * a fresh round of tries.
	 * @return its state from now on: pending
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE}, {@link ErrorCode#MESSAGE_NOT_FOUND}
	 * for a message that was never mailed, {@link ErrorCode#EMAIL_REPLY_NOT_UNDELIVERED}
	 * for one pending or delivered
	 */
	@Transactional
	public DeliveryState retry(Caller caller, String conversation, long sequence) {
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		ConversationId id = ConversationId.parse(conversation).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		// sees it, or is refused as for reading it
		this.inbox.details(caller, id);
		if (this.outbox.retry(caller.workspaceId(), id, sequence, Timestamps.now(this.clock))) {
			return DeliveryState.PENDING;
		}
		boolean mailed = this.outbox.of(caller.workspaceId(), id)
			.stream()
			.anyMatch((delivery) -> delivery.sequence() == sequence);
		throw (mailed ? ErrorCode.EMAIL_REPLY_NOT_UNDELIVERED : ErrorCode.MESSAGE_NOT_FOUND).exception();
	}

	/**
	 * What became of the reply of {@code sequence} now, for whoever sees the
	 * conversation: the page asks when told it changed ({@code MESSAGE_DELIVERY}).
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE}, {@link ErrorCode#MESSAGE_NOT_FOUND}
	 * for a message that was never mailed
	 */
	@Transactional(readOnly = true)
	public DeliveryState state(Caller caller, String conversation, long sequence) {
		ConversationId id = ConversationId.parse(conversation).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		this.inbox.details(caller, id);
		return this.outbox.of(caller.workspaceId(), id)
			.stream()
			.filter((delivery) -> delivery.sequence() == sequence)
			.map(EmailOutbox.Delivery::state)
			.findFirst()
			.orElseThrow(ErrorCode.MESSAGE_NOT_FOUND::exception);
	}

}

package io.parley.email;

import java.util.Map;
import java.util.stream.Collectors;

import io.parley.conversation.ConversationId;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.MessageDeliveries;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * What became of a conversation's mailed replies, for the message views: from the outbox,
 * one indexed read per page of messages.
 */
@Component
class MailedReplyStates implements MessageDeliveries {

	private final EmailOutbox outbox;

	MailedReplyStates(EmailOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Map<Long, DeliveryState> of(WorkspaceId workspace, ConversationId conversation) {
		return this.outbox.of(workspace, conversation)
			.stream()
			.collect(Collectors.toMap(EmailOutbox.Delivery::sequence, EmailOutbox.Delivery::state, (a, b) -> a));
	}

}

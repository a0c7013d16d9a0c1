package io.parley.realtime;

import io.parley.conversation.ConversationChanged;
import io.parley.conversation.ConversationOpened;
import io.parley.conversation.MessageEdited;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the staff's inboxes live: a new or changed conversation goes to every socket of
 * the workspace subscribed to the inbox whose member may see it, except the customer's
 * own; an edited message goes to its room.
 */
@Component
class StaffNotifier {

	private final Fanout fanout;

	StaffNotifier(Fanout fanout) {
		this.fanout = fanout;
	}

	@TransactionalEventListener
	void on(ConversationOpened event) {
		this.fanout.inbox("CONVERSATION_CREATED", event.conversation());
	}

	@TransactionalEventListener
	void on(ConversationChanged event) {
		this.fanout.inbox("CONVERSATION_UPDATED", event.conversation());
	}

	@TransactionalEventListener
	void on(MessageEdited event) {
		this.fanout.edited(event.message());
	}

}

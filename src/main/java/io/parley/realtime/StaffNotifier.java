package io.parley.realtime;

import io.parley.conversation.ConversationChanged;
import io.parley.conversation.ConversationOpened;
import io.parley.conversation.MessageEdited;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the staff's inboxes live, once committed: a new or changed conversation goes to
 * every socket of the workspace subscribed to the inbox whose member may see it, except
 * the customer's own; an edited message goes to its room.
 */
@Component
class StaffNotifier {

	private final Fanout fanout;

	StaffNotifier(Fanout fanout) {
		this.fanout = fanout;
	}

	@EventListener
	void on(ConversationOpened event) {
		AfterCommit.run(() -> this.fanout.inbox("CONVERSATION_CREATED", event.conversation()));
	}

	/**
	 * After the commit; at once when published outside a transaction, as the writer does
	 * for a commit that reported a failure but went through.
	 */
	@EventListener
	void on(ConversationChanged event) {
		AfterCommit.runOrNow(() -> this.fanout.inbox("CONVERSATION_UPDATED", event.conversation()));
	}

	@EventListener
	void on(MessageEdited event) {
		AfterCommit.run(() -> this.fanout.edited(event.message()));
	}

}

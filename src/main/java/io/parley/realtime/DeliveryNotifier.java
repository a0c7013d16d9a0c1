package io.parley.realtime;

import java.util.List;

import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationSnapshots;
import io.parley.conversation.MessageDeliveryChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff's pages, once committed, that what became of a reply a channel carried
 * changed, so a "Sending…" or "Not delivered" mark follows the outbox without a reload.
 * The conversation is read first, outside any room's lock, for who may see it; a change
 * is rare (a few per reply), so one read each costs nothing on the message path.
 */
@Component
class DeliveryNotifier {

	private final Fanout fanout;

	private final ConversationSnapshots conversations;

	DeliveryNotifier(Fanout fanout, ConversationSnapshots conversations) {
		this.fanout = fanout;
		this.conversations = conversations;
	}

	/**
	 * After the commit; at once when published outside a transaction, as the sender does.
	 */
	@EventListener
	void on(MessageDeliveryChanged event) {
		AfterCommit.runOrNow(() -> {
			ConversationSnapshot conversation = this.conversations.of(List.of(event.conversationId()))
				.get(event.conversationId());
			if (conversation != null && conversation.workspaceId().equals(event.workspaceId())) {
				this.fanout.delivery(conversation, event.sequence(), event.delivery());
			}
		});
	}

}

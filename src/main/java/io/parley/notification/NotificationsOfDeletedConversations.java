package io.parley.notification;

import io.parley.conversation.ConversationDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted conversation's notifications go with it, in its deleting transaction
 * (decision 108).
 */
@Component
class NotificationsOfDeletedConversations {

	private final JdbcClient jdbc;

	NotificationsOfDeletedConversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ConversationDeleted event) {
		this.jdbc.sql("DELETE FROM notifications WHERE conversation_id = ?")
			.param(event.conversationId().value())
			.update();
	}

}

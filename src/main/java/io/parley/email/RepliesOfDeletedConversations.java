package io.parley.email;

import io.parley.conversation.ConversationDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted conversation's replies not yet mailed are never mailed, in its deleting
 * transaction; the Message-IDs it imported stay (decision 92), so reading the mailbox
 * again never makes it anew (decision 108).
 */
@Component
class RepliesOfDeletedConversations {

	private final JdbcClient jdbc;

	RepliesOfDeletedConversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ConversationDeleted event) {
		this.jdbc.sql("DELETE FROM email_outbox WHERE conversation_id = ?")
			.param(event.conversationId().value())
			.update();
	}

}

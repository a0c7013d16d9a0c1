package io.parley.conversation;

import java.util.List;
import java.util.UUID;

import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes a conversation for good: its messages, notes, files, tags, assignments, read
 * marks and rating, in one transaction (decision 108). What other modules keep of it they
 * remove on {@link ConversationDeleted}, in the same transaction; the files go once it
 * has committed. Mail imported into it stays known to the email channel, so a mailbox
 * read again never makes it anew.
 */
@Service
public class ConversationDeletion {

	private static final Logger log = LoggerFactory.getLogger(ConversationDeletion.class);

	/** Its own rows that refer to the conversation, those that refer to others first. */
	private static final List<String> ROWS = List.of("message_mentions", "attachments", "messages", "conversation_tags",
			"conversation_assignments", "conversation_reads", "conversation_ratings");

	private final Conversations conversations;

	private final JdbcClient jdbc;

	private final AttachmentStorage files;

	private final ApplicationEventPublisher events;

	ConversationDeletion(Conversations conversations, JdbcClient jdbc, AttachmentStorage files,
			ApplicationEventPublisher events) {
		this.conversations = conversations;
		this.jdbc = jdbc;
		this.files = files;
		this.events = events;
	}

	/**
	 * Deletes the conversation of the caller's workspace; another workspace's is not
	 * found.
	 */
	@Transactional
	public void delete(Caller caller, ConversationId id) {
		caller.require(Permission.DELETE_CONVERSATIONS);
		// one the caller does not see (a custom role) answers as one that does not exist
		Conversation conversation = this.conversations.lock(caller.workspaceId(), id)
			.filter((found) -> found.isVisibleTo(caller))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		List<AttachmentId> stored = this.jdbc.sql("SELECT id FROM attachments WHERE conversation_id = ?")
			.param(id.value())
			.query((row, number) -> new AttachmentId(row.getObject("id", UUID.class)))
			.list();
		this.events.publishEvent(new ConversationDeleted(id, conversation.workspaceId(), caller.userId()));
		for (String table : ROWS) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE conversation_id = ?").param(id.value()).update();
		}
		this.jdbc.sql("DELETE FROM conversations WHERE id = ?").param(id.value()).update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				for (AttachmentId file : stored) {
					try {
						ConversationDeletion.this.files.delete(file);
					}
					catch (RuntimeException ex) {
						log.warn("The file {} of deleted conversation {} stays on disk", file, id, ex);
					}
				}
			}
		});
	}

}

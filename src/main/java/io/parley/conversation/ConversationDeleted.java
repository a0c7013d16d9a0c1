package io.parley.conversation;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * A conversation is being deleted for good (decision 108). Published inside the deleting
 * transaction, before its rows go: a module that keeps rows of its own about the
 * conversation removes them in the same transaction, with a plain event listener, and
 * acts on the outside world only once the transaction commits.
 *
 * @param deletedBy the member who deleted it
 */
public record ConversationDeleted(ConversationId conversationId, WorkspaceId workspaceId, UserId deletedBy) {
}

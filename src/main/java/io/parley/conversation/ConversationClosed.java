package io.parley.conversation;

import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * A conversation was closed; nobody can join it or post to it any more.
 *
 * @param id this closing's id
 * @param closedBy who closed it, or {@code null}
 * @param origin the opaque id of the connection that closed it, or {@code null}
 */
public record ConversationClosed(UUID id, ConversationId conversationId, WorkspaceId workspaceId, UserId closedBy,
		String origin) {
}

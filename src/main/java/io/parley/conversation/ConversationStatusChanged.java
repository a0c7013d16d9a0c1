package io.parley.conversation;

import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * A member of the staff moved a conversation from one status to another (closing is
 * {@link ConversationClosed}). The seed-003 moves that follow from what people do (the
 * assigned agent's first join, a customer writing again) are not such changes.
 *
 * @param id this change's id
 * @param changedBy who changed it
 */
public record ConversationStatusChanged(UUID id, ConversationId conversationId, WorkspaceId workspaceId,
		ConversationStatus from, ConversationStatus to, UserId changedBy) {
}

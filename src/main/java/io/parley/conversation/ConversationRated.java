package io.parley.conversation;

import io.parley.workspace.WorkspaceId;

/** The customer rated a conversation. */
public record ConversationRated(ConversationId conversationId, WorkspaceId workspaceId, Rating rating) {
}

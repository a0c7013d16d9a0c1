package io.parley.conversation;

import io.parley.identity.UserId;

/**
 * A supervisor gave a conversation to an agent; {@code previousAgentId} (may be
 * {@code null}) loses access.
 */
public record ConversationAssigned(ConversationId conversationId, UserId supervisorId, UserId agentId,
		UserId previousAgentId) {
}

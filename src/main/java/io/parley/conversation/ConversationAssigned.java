package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.UserId;

/**
 * A conversation was given to an agent, or taken back from one ({@code agentId} is
 * {@code null}); {@code previousAgentId} (may be {@code null}) loses access.
 *
 * @param supervisorId the supervisor it was sent to, or {@code null}
 * @param assignedBy who gave it, or {@code null}
 * @param reason why, as they said, or {@code null}
 */
public record ConversationAssigned(ConversationId conversationId, UserId supervisorId, UserId agentId,
		UserId previousAgentId, UserId assignedBy, String reason, Instant at) {
}

package io.parley.conversation;

import java.time.Instant;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * A conversation was given to an agent, or taken back from one ({@code agentId} is
 * {@code null}); {@code previousAgentId} (may be {@code null}) loses access.
 *
 * @param id the assignment's id, also the id of its entry in the assignment history
 * @param supervisorId the supervisor it was sent to, or {@code null}
 * @param previousAgentId the agent it was taken from, or {@code null} when it had none or
 * it was given again to the agent who has it
 * @param assignedBy who gave it, or {@code null}
 * @param reason why, as they said, or {@code null}
 * @param again whether it was given to the agent who had it already: nothing changed
 * hands
 */
public record ConversationAssigned(UUID id, ConversationId conversationId, WorkspaceId workspaceId, UserId supervisorId,
		UserId agentId, UserId previousAgentId, UserId assignedBy, String reason, Instant at, boolean again) {
}

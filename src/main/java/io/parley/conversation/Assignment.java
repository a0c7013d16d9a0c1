package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.UserId;

/**
 * One entry of a conversation's assignment history (seed 004).
 *
 * @param agentId who got it, or {@code null} when it was taken back from its agent
 * @param assignedBy who gave it, or {@code null}
 * @param reason why, or {@code null}
 */
public record Assignment(UserId agentId, UserId assignedBy, String reason, Instant assignedAt) {
}

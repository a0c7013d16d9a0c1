package io.parley.contact;

import java.time.Instant;

import io.parley.identity.UserId;
import io.parley.identity.WorkspaceId;

/**
 * A customer of a workspace (seeds 000 and 004).
 *
 * @param userId the login of a seed-003 candidate, or {@code null}
 * @param sessionId an anonymous widget visitor's session, or {@code null}
 * @param attributes custom attributes, a JSON object
 */
public record Contact(ContactId id, WorkspaceId workspaceId, UserId userId, String name, String email, String phone,
		String sessionId, String attributes, Instant firstSeenAt, Instant lastSeenAt) {
}

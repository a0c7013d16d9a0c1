package io.parley.workspace;

import java.time.Instant;

/**
 * A tenant: one organization's support team and everything it handles.
 *
 * @param staffSignupOpen whether staff may join through {@code POST /auth/signup}; when
 * {@code false} they join by invitation only
 * @param requireTwoFactor whether its staff must sign in with a second factor (decision
 * 54)
 */
public record Workspace(WorkspaceId id, String name, boolean staffSignupOpen, boolean requireTwoFactor,
		Instant createdAt) {
}

package io.parley.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A tenant: one organization's support team and everything it handles.
 *
 * @param staffSignupOpen whether staff may join through {@code POST /auth/signup}; when
 * {@code false} they join by invitation only
 * @param requireTwoFactor whether its staff must sign in with a second factor (decision
 * 54)
 * @param timeZone where its days begin and end, for its reports (decision 87)
 */
public record Workspace(WorkspaceId id, String name, boolean staffSignupOpen, boolean requireTwoFactor,
		Instant createdAt, ZoneId timeZone) {

	/** A workspace in {@link #DEFAULT_TIME_ZONE}. */
	public Workspace(WorkspaceId id, String name, boolean staffSignupOpen, boolean requireTwoFactor,
			Instant createdAt) {
		this(id, name, staffSignupOpen, requireTwoFactor, createdAt, DEFAULT_TIME_ZONE);
	}

	/** A new workspace's time zone. */
	public static final ZoneId DEFAULT_TIME_ZONE = ZoneOffset.UTC;

}

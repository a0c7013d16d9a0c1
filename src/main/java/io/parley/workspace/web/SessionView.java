package io.parley.workspace.web;

import io.parley.system.Timestamps;
import io.parley.workspace.SessionTokens;

/**
 * A session's tokens as log-in and refresh answer them: seed 003's {@code token} (the
 * access token), when it expires ({@code expiresIn} seconds from now, and
 * {@code expiresAt}), and the refresh token that gets the next pair.
 */
record SessionView(String token, long expiresIn, String expiresAt, String refreshToken, String refreshTokenExpiresAt) {

	static SessionView of(SessionTokens session) {
		return new SessionView(session.accessToken(), session.accessTokenLifetime().toSeconds(),
				Timestamps.format(session.accessTokenExpiresAt()), session.refreshToken(),
				Timestamps.format(session.refreshTokenExpiresAt()));
	}

	/** Keeps both tokens out of logs and exception messages. */
	@Override
	public String toString() {
		return "SessionView[tokens redacted]";
	}

}

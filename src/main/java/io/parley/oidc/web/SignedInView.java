package io.parley.oidc.web;

import io.parley.system.Timestamps;
import io.parley.workspace.SessionTokens;

/**
 * A session's tokens after a sign-in through a provider, in the fields of
 * {@code POST /auth/login}'s answer.
 */
record SignedInView(String provider, String token, long expiresIn, String expiresAt, String refreshToken,
		String refreshTokenExpiresAt) {

	static SignedInView of(String provider, SessionTokens session) {
		return new SignedInView(provider, session.accessToken(), session.accessTokenLifetime().toSeconds(),
				Timestamps.format(session.accessTokenExpiresAt()), session.refreshToken(),
				Timestamps.format(session.refreshTokenExpiresAt()));
	}

	/** Keeps both tokens out of logs and exception messages. */
	@Override
	public String toString() {
		return "SignedInView[tokens redacted]";
	}

}

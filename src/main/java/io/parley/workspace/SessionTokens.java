package io.parley.workspace;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client holds for a session: a short-lived access token to call the API with, and
 * the refresh token that exchanges itself, once, for the next pair
 * ({@link Sessions#refresh}).
 *
 * @param accessToken the signed access token (seed 003's {@code token})
 * @param accessTokenLifetime how long the access token is valid from its issue
 * @param accessTokenExpiresAt when the access token stops working
 * @param refreshToken the refresh token, shown to its client only: Parley keeps its hash
 * @param refreshTokenExpiresAt when the refresh token stops working unused (idle expiry,
 * never past the session's absolute end)
 */
public record SessionTokens(String accessToken, Duration accessTokenLifetime, Instant accessTokenExpiresAt,
		String refreshToken, Instant refreshTokenExpiresAt) {

	/** Keeps both tokens out of logs and exception messages. */
	@Override
	public String toString() {
		return "SessionTokens[accessTokenExpiresAt=" + this.accessTokenExpiresAt + ", refreshTokenExpiresAt="
				+ this.refreshTokenExpiresAt + ", tokens redacted]";
	}

}

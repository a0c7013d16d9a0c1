package io.parley.oidc.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.system.Timestamps;
import io.parley.workspace.LogInOutcome;
import io.parley.workspace.SessionTokens;

/**
 * A sign-in through a provider, in the fields of {@code POST /auth/login}'s answer: a
 * session's tokens, or {@code {"twoFactorRequired": true, "challenge",
 * "enrolmentRequired"}} for the account's second step
 * ({@code POST /auth/login/two-factor}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignedInView(String provider, String token, Long expiresIn, String expiresAt, String refreshToken,
		String refreshTokenExpiresAt, Boolean twoFactorRequired, String challenge, Boolean enrolmentRequired) {

	static SignedInView of(String provider, LogInOutcome outcome) {
		if (outcome.twoFactorRequired()) {
			return new SignedInView(provider, null, null, null, null, null, true, outcome.challenge(),
					outcome.enrolmentRequired());
		}
		SessionTokens session = outcome.session();
		return new SignedInView(provider, session.accessToken(), session.accessTokenLifetime().toSeconds(),
				Timestamps.format(session.accessTokenExpiresAt()), session.refreshToken(),
				Timestamps.format(session.refreshTokenExpiresAt()), null, null, null);
	}

	/** Keeps the tokens and the challenge out of logs and exception messages. */
	@Override
	public String toString() {
		return "SignedInView[secrets redacted]";
	}

}

package io.parley.workspace.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.workspace.LogInOutcome;

/**
 * What a log-in answers: seed 003's {@code {"token"}} with the rest of the session
 * ({@link SessionView}'s fields) and the backup codes of a second factor set up in this
 * log-in; or, when a second step is needed, {@code {"twoFactorRequired": true,
 * "challenge", "enrolmentRequired"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LogInView(String token, Long expiresIn, String expiresAt, String refreshToken, String refreshTokenExpiresAt,
		List<String> backupCodes, Boolean twoFactorRequired, String challenge, Boolean enrolmentRequired) {

	static LogInView of(LogInOutcome outcome) {
		if (outcome.twoFactorRequired()) {
			return new LogInView(null, null, null, null, null, null, true, outcome.challenge(),
					outcome.enrolmentRequired());
		}
		SessionView session = SessionView.of(outcome.session());
		return new LogInView(session.token(), session.expiresIn(), session.expiresAt(), session.refreshToken(),
				session.refreshTokenExpiresAt(), outcome.backupCodes().isEmpty() ? null : outcome.backupCodes(), null,
				null, null);
	}

	/** Keeps the tokens, the challenge and the backup codes out of logs. */
	@Override
	public String toString() {
		return "LogInView[secrets redacted]";
	}

}

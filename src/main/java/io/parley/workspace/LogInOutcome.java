package io.parley.workspace;

import java.util.List;

/**
 * What a log-in step answers: a token, or a challenge for the second step.
 *
 * @param session the new session's tokens; {@code null} while a second step is needed
 * @param challenge the secret of the second step, or {@code null}
 * @param enrolmentRequired whether the second step first sets up a second factor, which
 * the workspace requires (decision 54)
 * @param backupCodes the backup codes of a second factor set up in this log-in, shown
 * once; empty otherwise
 */
public record LogInOutcome(SessionTokens session, String challenge, boolean enrolmentRequired,
		List<String> backupCodes) {

	static LogInOutcome signedIn(SessionTokens session) {
		return new LogInOutcome(session, null, false, List.of());
	}

	static LogInOutcome signedIn(SessionTokens session, List<String> backupCodes) {
		return new LogInOutcome(session, null, false, List.copyOf(backupCodes));
	}

	static LogInOutcome secondStep(String challenge, boolean enrolment) {
		return new LogInOutcome(null, challenge, enrolment, List.of());
	}

	public boolean twoFactorRequired() {
		return this.session == null;
	}

	/** Keeps the tokens, the challenge and the backup codes out of logs. */
	@Override
	public String toString() {
		return "LogInOutcome[secrets redacted, twoFactorRequired=" + twoFactorRequired() + "]";
	}

}

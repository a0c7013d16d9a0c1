package io.parley.workspace.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.workspace.LogInOutcome;

/**
 * What a log-in answers: seed 003's {@code {"token"}}, with the backup codes of a second
 * factor set up in this log-in; or, when a second step is needed,
 * {@code {"twoFactorRequired": true, "challenge", "enrolmentRequired"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LogInView(String token, List<String> backupCodes, Boolean twoFactorRequired, String challenge,
		Boolean enrolmentRequired) {

	static LogInView of(LogInOutcome outcome) {
		if (outcome.twoFactorRequired()) {
			return new LogInView(null, null, true, outcome.challenge(), outcome.enrolmentRequired());
		}
		return new LogInView(outcome.token(), outcome.backupCodes().isEmpty() ? null : outcome.backupCodes(), null,
				null, null);
	}

}

package io.parley.email;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;

/**
 * What Google answered, for the inbox's last error and the log: its status and message,
 * never a token.
 */
final class GmailErrors {

	private GmailErrors() {
	}

	static String reason(Exception ex) {
		if (ex instanceof TokenResponseException token) {
			return "Google refused the token (" + token.getStatusCode() + " "
					+ ((token.getDetails() != null) ? token.getDetails().getError() : "") + ")";
		}
		if (ex instanceof GoogleJsonResponseException response) {
			return "Gmail answered " + response.getStatusCode() + ": " + ((response.getDetails() != null)
					? response.getDetails().getMessage() : response.getStatusMessage());
		}
		String message = ex.getMessage();
		if (message != null && message.contains("invalid_grant")) {
			// google-auth-library's refresh: the account's owner revoked Parley's access
			return "Google refused the refresh token (invalid_grant): connect the account again";
		}
		return ex.getClass().getSimpleName() + ": " + message;
	}

	/** Whether Google answered that the history id is too old to read from. */
	static boolean historyExpired(Exception ex) {
		return ex instanceof GoogleJsonResponseException response && response.getStatusCode() == 404;
	}

}

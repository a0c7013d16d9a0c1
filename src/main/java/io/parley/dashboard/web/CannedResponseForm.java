package io.parley.dashboard.web;

import io.parley.canned.CannedResponse;
import io.parley.canned.CannedResponseEdit;

/**
 * A canned response as its settings form sends it, or shows it again when refused.
 *
 * @param visibility {@code shared} or {@code private}; a member who may not write shared
 * ones sends none and keeps their own
 */
public record CannedResponseForm(String shortcut, String title, String body, String visibility) {

	static final CannedResponseForm EMPTY = new CannedResponseForm("", "", "", "private");

	static CannedResponseForm of(CannedResponse response) {
		return new CannedResponseForm(response.shortcut(), response.title(), response.body(),
				response.visibility().value());
	}

	CannedResponseEdit edit() {
		return new CannedResponseEdit(orEmpty(this.shortcut).strip(), orEmpty(this.title), orEmpty(this.body),
				(this.visibility == null || this.visibility.isEmpty()) ? "private" : this.visibility);
	}

	/**
	 * The field a refused value came from, as the response itself checks them: the title,
	 * then the body, then the visibility.
	 */
	String invalidField() {
		String titled = orEmpty(this.title).strip();
		if (titled.isEmpty() || titled.length() > CannedResponse.MAX_TITLE) {
			return "title";
		}
		if (orEmpty(this.body).isBlank() || this.body.length() > CannedResponse.MAX_BODY) {
			return "body";
		}
		return "visibility";
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}

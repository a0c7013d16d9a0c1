package io.parley.email.web;

import java.net.URI;
import java.util.Map;

import io.parley.email.EmailInbox;
import io.parley.email.GmailMailboxes;
import io.parley.email.GmailPush;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Google calls: the end of a consent (the browser, sent back with the consent's
 * state, which is the credential) and Pub/Sub's pushes (Google's signed token is the
 * credential). Both public in their own filter chain
 * ({@link GmailSecurityConfiguration}).
 */
@RestController
@RequestMapping(path = "/api/email-inboxes/gmail", produces = "application/json")
class GmailController {

	/** The dashboard's mailbox page, where its consents return. */
	static final String DASHBOARD_PAGE = "/app/settings/mailboxes";

	private final GmailMailboxes mailboxes;

	private final GmailPush push;

	GmailController(GmailMailboxes mailboxes, GmailPush push) {
		this.mailboxes = mailboxes;
		this.push = push;
	}

	/**
	 * The end of a consent: JSON for the API's, and for one started on the dashboard back
	 * to its mailbox page, saying whether it worked ({@code ?gmail=connected}) or why not
	 * ({@code ?gmailError=} the error's code).
	 */
	@GetMapping("/callback")
	ResponseEntity<ApiResponse> callback(@RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error) {
		boolean dashboard = state != null && state.length() <= 200
				&& this.mailboxes.returnOf(state) == GmailMailboxes.ConsentReturn.DASHBOARD;
		try {
			if (error != null || code == null || state == null || code.length() > 2000 || state.length() > 200) {
				// refused or abandoned at Google's
				throw ErrorCode.GMAIL_CONSENT_INVALID.exception();
			}
			EmailInbox connected = this.mailboxes.connect(code, state);
			return dashboard ? backToDashboard("gmail=connected")
					: ResponseEntity.ok(ApiResponse.ok(InboxView.of(connected)));
		}
		catch (ParleyException ex) {
			if (dashboard) {
				return backToDashboard("gmailError=" + ex.code().name());
			}
			throw ex;
		}
	}

	private static ResponseEntity<ApiResponse> backToDashboard(String query) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(DASHBOARD_PAGE + "?" + query)).build();
	}

	@PostMapping(path = "/push", consumes = "application/json")
	ApiResponse push(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody byte[] body) {
		this.push.receive(authorization, body);
		return ApiResponse.ok(Map.of("received", true));
	}

}

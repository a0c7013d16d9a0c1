package io.parley.email.web;

import java.util.Map;

import io.parley.email.GmailMailboxes;
import io.parley.email.GmailPush;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;

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

	private final GmailMailboxes mailboxes;

	private final GmailPush push;

	GmailController(GmailMailboxes mailboxes, GmailPush push) {
		this.mailboxes = mailboxes;
		this.push = push;
	}

	@GetMapping("/callback")
	ApiResponse callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error) {
		if (error != null || code == null || state == null || code.length() > 2000 || state.length() > 200) {
			// refused or abandoned at Google's
			throw ErrorCode.GMAIL_CONSENT_INVALID.exception();
		}
		return ApiResponse.ok(InboxView.of(this.mailboxes.connect(code, state)));
	}

	@PostMapping(path = "/push", consumes = "application/json")
	ApiResponse push(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody byte[] body) {
		this.push.receive(authorization, body);
		return ApiResponse.ok(Map.of("received", true));
	}

}

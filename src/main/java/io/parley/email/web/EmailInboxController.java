package io.parley.email.web;

import java.util.Map;

import io.parley.email.GmailMailboxes;
import io.parley.email.Mailboxes;
import io.parley.system.ApiResponse;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's mailboxes, IMAP/SMTP or Gmail, for those who change its settings: the
 * mailbox's servers hold credentials, so even reading them is theirs alone.
 */
@RestController
@RequestMapping(path = "/api/email-inboxes", produces = "application/json")
class EmailInboxController {

	private final Mailboxes mailboxes;

	private final GmailMailboxes gmail;

	EmailInboxController(Mailboxes mailboxes, GmailMailboxes gmail) {
		this.mailboxes = mailboxes;
		this.gmail = gmail;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse add(Caller caller, @Valid @RequestBody InboxRequest request) {
		if (request.gmail()) {
			GmailMailboxes.Connection added = this.gmail.add(caller, request.details());
			return ApiResponse.ok(InboxView.of(added.inbox(), added.consentUrl()));
		}
		return ApiResponse.ok(InboxView.of(this.mailboxes.add(caller, request.details())));
	}

	/** A new link to Google's consent, to connect a Gmail inbox again. */
	@PostMapping("/{id}/consent")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse consent(Caller caller, @PathVariable String id) {
		GmailMailboxes.Connection connection = this.gmail.reconnect(caller, id);
		return ApiResponse.ok(InboxView.of(connection.inbox(), connection.consentUrl()));
	}

	@GetMapping
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse list(Caller caller) {
		return ApiResponse.ok(this.mailboxes.list(caller).stream().map(InboxView::of).toList());
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(InboxView.of(this.mailboxes.get(caller, id)));
	}

	@PatchMapping("/{id}")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse change(Caller caller, @PathVariable String id, @Valid @RequestBody InboxRequest request) {
		return ApiResponse.ok(InboxView.of(this.mailboxes.change(caller, id, request.details())));
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse remove(Caller caller, @PathVariable String id) {
		this.mailboxes.remove(caller, id);
		return ApiResponse.ok(Map.of("id", id, "deleted", true));
	}

}

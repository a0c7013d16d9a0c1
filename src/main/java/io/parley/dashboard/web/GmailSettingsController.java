package io.parley.dashboard.web;

import java.util.Set;

import io.parley.email.EmailInbox;
import io.parley.email.GmailMailboxes;
import io.parley.email.GmailMailboxes.ConsentReturn;
import io.parley.email.MailboxDetails;
import io.parley.email.Mailboxes;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Gmail inboxes on the mailbox page ({@code settings.manage}, the use cases of
 * {@code /api/email-inboxes}): "Connect a Gmail account" adds one and sends the browser
 * to Google's consent, whose callback returns to the mailbox page (decision 115);
 * reconnect asks for a new consent, as after a revoked token; edit changes the name and
 * the signature.
 */
@Controller
class GmailSettingsController {

	private final GmailMailboxes gmail;

	private final Mailboxes mailboxes;

	private final MailboxSettingsController page;

	private final WorkspaceAccess workspaces;

	private final Validator validator;

	private final FormRefusal refusal;

	private final SupervisorChoices supervisors;

	GmailSettingsController(GmailMailboxes gmail, Mailboxes mailboxes, MailboxSettingsController page,
			WorkspaceAccess workspaces, Validator validator, FormRefusal refusal, SupervisorChoices supervisors) {
		this.gmail = gmail;
		this.mailboxes = mailboxes;
		this.page = page;
		this.workspaces = workspaces;
		this.validator = validator;
		this.refusal = refusal;
		this.supervisors = supervisors;
	}

	@PostMapping("/app/settings/mailboxes/gmail")
	String connect(Caller caller, @ModelAttribute GmailForm form, Model model, HttpServletResponse response) {
		caller.require(Permission.MANAGE_SETTINGS);
		if (!valid(form, model, response)) {
			return this.page.list(caller, MailboxForm.EMPTY, form, model);
		}
		GmailMailboxes.Connection added;
		try {
			added = this.gmail.add(caller, form.details(form.gmailAddress()), ConsentReturn.DASHBOARD);
		}
		catch (ParleyException ex) {
			refuse(ex, model, response);
			return this.page.list(caller, MailboxForm.EMPTY, form, model);
		}
		return "redirect:" + added.consentUrl();
	}

	@PostMapping("/app/settings/mailboxes/{id}/reconnect")
	String reconnect(Caller caller, @PathVariable String id) {
		return "redirect:" + this.gmail.reconnect(caller, id, ConsentReturn.DASHBOARD).consentUrl();
	}

	@GetMapping("/app/settings/mailboxes/{id}/gmail")
	String edit(Caller caller, @PathVariable String id, Model model) {
		EmailInbox inbox = gmailInbox(caller, id);
		return editor(caller, inbox, new GmailForm(inbox.displayName(), inbox.fromAddress(),
				(inbox.signature() != null) ? inbox.signature() : "", SupervisorChoices.idOf(inbox)), model);
	}

	@PostMapping("/app/settings/mailboxes/{id}/gmail")
	String save(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String gmailName,
			@RequestParam(defaultValue = "") String gmailSignature,
			@RequestParam(defaultValue = "") String gmailSupervisorId, Model model, HttpServletResponse response) {
		EmailInbox inbox = gmailInbox(caller, id);
		GmailForm form = new GmailForm(gmailName, inbox.fromAddress(), gmailSignature, gmailSupervisorId);
		if (!valid(form, model, response)) {
			return editor(caller, inbox, form, model);
		}
		try {
			this.mailboxes.change(caller, id, form.details(null));
		}
		catch (ParleyException ex) {
			refuse(ex, model, response);
			return editor(caller, inbox, form, model);
		}
		return "redirect:/app/settings/mailboxes?saved";
	}

	private EmailInbox gmailInbox(Caller caller, String id) {
		EmailInbox inbox = this.mailboxes.get(caller, id);
		if (inbox.kind() != EmailInbox.Kind.GMAIL) {
			throw ErrorCode.EMAIL_INBOX_NOT_FOUND.exception();
		}
		return inbox;
	}

	private String editor(Caller caller, EmailInbox inbox, GmailForm form, Model model) {
		model.addAttribute("mailbox", MailboxRow.of(inbox, this.workspaces.timeZone(caller.workspaceId())));
		model.addAttribute("gmailForm", form);
		model.addAttribute("supervisors", this.supervisors.of(caller, inbox.defaultSupervisor()));
		return "app/settings-gmail";
	}

	private void refuse(ParleyException ex, Model model, HttpServletResponse response) {
		switch (ex.code()) {
			case EMAIL_INBOX_ALREADY_EXISTS -> this.refusal.because(ex.code(), "gmailAddress", model, response);
			// chosen from the list, then removed or given another role meanwhile
			case SUPERVISOR_NOT_FOUND -> this.refusal.because(ex.code(), "gmailSupervisorId",
					"settings.invalid.mailbox.supervisor", model, response);
			default -> throw ex;
		}
	}

	private boolean valid(GmailForm form, Model model, HttpServletResponse response) {
		Set<ConstraintViolation<GmailForm>> violations = this.validator.validate(form);
		violations.forEach((violation) -> {
			String field = violation.getPropertyPath().toString();
			this.refusal.invalid(field, "settings.invalid.gmail." + field, model, response);
		});
		return violations.isEmpty();
	}

}

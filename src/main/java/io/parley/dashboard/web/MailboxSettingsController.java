package io.parley.dashboard.web;

import java.util.Set;

import io.parley.email.EmailInbox;
import io.parley.email.GmailMailboxes;
import io.parley.email.Mailboxes;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's IMAP/SMTP mailboxes ({@code settings.manage}, through {@link Mailboxes}
 * as {@code /api/email-inboxes}): each with its state (connected, last sync, last error),
 * added, changed, checked and removed. A mailbox is read once right after it is added or
 * changed, so the page answers at once whether its servers and password work (decision
 * 99).
 */
@Controller
class MailboxSettingsController {

	private static final String LIST = "app/settings-mailboxes";

	private static final String EDITOR = "app/settings-mailbox";

	/** Why a Gmail consent can fail, each with its text on the page. */
	private static final Set<ErrorCode> GMAIL_ERRORS = Set.of(ErrorCode.GMAIL_CONSENT_INVALID,
			ErrorCode.GMAIL_ACCOUNT_MISMATCH, ErrorCode.GMAIL_UNREACHABLE, ErrorCode.GMAIL_NOT_CONFIGURED);

	private final Mailboxes mailboxes;

	private final WorkspaceAccess workspaces;

	private final Validator validator;

	private final FormRefusal refusal;

	private final GmailMailboxes gmail;

	private final SupervisorChoices supervisors;

	MailboxSettingsController(Mailboxes mailboxes, WorkspaceAccess workspaces, Validator validator, FormRefusal refusal,
			GmailMailboxes gmail, SupervisorChoices supervisors) {
		this.gmail = gmail;
		this.supervisors = supervisors;
		this.mailboxes = mailboxes;
		this.workspaces = workspaces;
		this.validator = validator;
		this.refusal = refusal;
	}

	@GetMapping("/app/settings/mailboxes")
	String list(Caller caller, @RequestParam(required = false) @Nullable String gmailError, Model model) {
		// the end of a Gmail consent started here: the error's code, shown by its text
		if (gmailError != null) {
			model.addAttribute("gmailError",
					GMAIL_ERRORS.stream()
						.filter((code) -> code.name().equals(gmailError))
						.findFirst()
						.orElse(ErrorCode.GMAIL_CONSENT_INVALID)
						.name());
		}
		return list(caller, MailboxForm.EMPTY, GmailForm.EMPTY, model);
	}

	@PostMapping("/app/settings/mailboxes")
	String add(Caller caller, @ModelAttribute MailboxForm form, Model model, HttpServletResponse response) {
		caller.require(Permission.MANAGE_SETTINGS);
		boolean valid = valid(form, model, response);
		if (isBlank(form.imapPassword())) {
			this.refusal.invalid("imapPassword", "settings.invalid.password", model, response);
		}
		if (isBlank(form.smtpPassword())) {
			this.refusal.invalid("smtpPassword", "settings.invalid.password", model, response);
		}
		if (!valid || isBlank(form.imapPassword()) || isBlank(form.smtpPassword())) {
			return list(caller, form.withoutPasswords(), GmailForm.EMPTY, model);
		}
		EmailInbox added;
		try {
			added = this.mailboxes.add(caller, form.details());
		}
		catch (ParleyException ex) {
			refuse(ex, model, response);
			return list(caller, form.withoutPasswords(), GmailForm.EMPTY, model);
		}
		this.mailboxes.check(caller, added.id().toString());
		return "redirect:/app/settings/mailboxes?added";
	}

	@GetMapping("/app/settings/mailboxes/{id}")
	String edit(Caller caller, @PathVariable String id, Model model) {
		EmailInbox inbox = this.mailboxes.get(caller, id);
		if (inbox.kind() == EmailInbox.Kind.GMAIL) {
			return "redirect:/app/settings/mailboxes/" + inbox.id() + "/gmail";
		}
		return editor(caller, inbox, MailboxForm.of(inbox), model);
	}

	@PostMapping("/app/settings/mailboxes/{id}")
	String save(Caller caller, @PathVariable String id, @ModelAttribute MailboxForm form, Model model,
			HttpServletResponse response) {
		EmailInbox current = this.mailboxes.get(caller, id);
		if (!valid(form, model, response)) {
			return editor(caller, current, form.withoutPasswords(), model);
		}
		try {
			this.mailboxes.change(caller, id, form.details());
		}
		catch (ParleyException ex) {
			refuse(ex, model, response);
			return editor(caller, current, form.withoutPasswords(), model);
		}
		this.mailboxes.check(caller, id);
		return "redirect:/app/settings/mailboxes?saved";
	}

	@PostMapping("/app/settings/mailboxes/{id}/check")
	String check(Caller caller, @PathVariable String id) {
		this.mailboxes.check(caller, id);
		return "redirect:/app/settings/mailboxes?checked";
	}

	@PostMapping("/app/settings/mailboxes/{id}/delete")
	String delete(Caller caller, @PathVariable String id) {
		this.mailboxes.remove(caller, id);
		return "redirect:/app/settings/mailboxes?deleted";
	}

	/** The list with both forms to add one, as typed (never a password). */
	String list(Caller caller, MailboxForm form, GmailForm gmailForm, Model model) {
		var zone = this.workspaces.timeZone(caller.workspaceId());
		model.addAttribute("mailboxes",
				this.mailboxes.list(caller).stream().map((inbox) -> MailboxRow.of(inbox, zone)).toList());
		model.addAttribute("form", form);
		model.addAttribute("gmailForm", gmailForm);
		model.addAttribute("gmailAvailable", this.gmail.available());
		model.addAttribute("supervisors", this.supervisors.of(caller, null));
		return LIST;
	}

	private String editor(Caller caller, EmailInbox inbox, MailboxForm form, Model model) {
		model.addAttribute("mailbox", MailboxRow.of(inbox, this.workspaces.timeZone(caller.workspaceId())));
		model.addAttribute("form", form);
		model.addAttribute("supervisors", this.supervisors.of(caller, inbox.defaultSupervisor()));
		return EDITOR;
	}

	/** Each value out of the API's bounds marked beside its field. */
	private boolean valid(MailboxForm form, Model model, HttpServletResponse response) {
		Set<ConstraintViolation<MailboxForm>> violations = this.validator.validate(form);
		violations.forEach((violation) -> {
			String field = violation.getPropertyPath().toString();
			this.refusal.invalid(field, "settings.invalid.mailbox." + field, model, response);
		});
		return violations.isEmpty();
	}

	private void refuse(ParleyException ex, Model model, HttpServletResponse response) {
		if (ex.code() == ErrorCode.EMAIL_INBOX_ALREADY_EXISTS) {
			this.refusal.because(ex.code(), "fromAddress", model, response);
		}
		else if (ex.code() == ErrorCode.SUPERVISOR_NOT_FOUND) {
			// chosen from the list, then removed or given another role meanwhile
			this.refusal.because(ex.code(), "defaultSupervisorId", "settings.invalid.mailbox.supervisor", model,
					response);
		}
		else {
			throw ex;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}

package io.parley.dashboard.web;

import java.util.Set;

import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.Invitation;
import io.parley.workspace.Invite;
import io.parley.workspace.Invitee;
import io.parley.workspace.MemberAdministration;
import io.parley.workspace.MemberChange;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Members and invitations ({@link SettingsSection#MEMBERS}): the members with their role,
 * supervisor, state and second factor; changing a role, deactivating and reactivating
 * ({@code members.manage}); inviting, sending again and revoking
 * ({@code members.invite}). Every action calls the use case the REST API calls, which
 * checks the permission again; a refusal that is about the form comes back beside its
 * field (decision 96).
 */
@Controller
class MembersSettingsController {

	/** Refusals that are about what was sent, not about who sent it or what exists. */
	static final Set<ErrorCode> ABOUT_THE_FORM = Set.of(ErrorCode.INVALID_REQUEST_SCHEMA, ErrorCode.ALREADY_A_MEMBER,
			ErrorCode.FORBIDDEN, ErrorCode.OWNER_IS_PERMANENT, ErrorCode.CANNOT_CHANGE_OWN_MEMBERSHIP,
			ErrorCode.SUPERVISOR_ONLY_FOR_AGENTS);

	private static final String PAGE = "app/settings-members";

	private final MemberList list;

	private final MemberAdministration members;

	private final Invite invite;

	private final Validator validator;

	MembersSettingsController(MemberList list, MemberAdministration members, Invite invite, Validator validator) {
		this.list = list;
		this.members = members;
		this.invite = invite;
		this.validator = validator;
	}

	@GetMapping("/app/settings/members")
	String page(Caller caller, Model model) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		return page(caller, model, InviteForm.empty());
	}

	@PostMapping("/app/settings/members/{userId}/role")
	String changeRole(Caller caller, @PathVariable String userId, @RequestParam(defaultValue = "") String role,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		MemberChange change = new MemberChange(RoleChoice.builtInOf(role).orElse(null),
				RoleChoice.customOf(role).orElse(null), null, null, null, null);
		return memberAction(caller, userId, htmx, model, response, () -> this.members.change(caller, userId, change));
	}

	@PostMapping("/app/settings/members/{userId}/deactivate")
	String deactivate(Caller caller, @PathVariable String userId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		return memberAction(caller, userId, htmx, model, response, () -> this.members.deactivate(caller, userId));
	}

	@PostMapping("/app/settings/members/{userId}/activate")
	String activate(Caller caller, @PathVariable String userId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		return memberAction(caller, userId, htmx, model, response, () -> this.members.activate(caller, userId));
	}

	@PostMapping("/app/settings/members/invitations")
	String invite(Caller caller, @ModelAttribute InviteForm form, Model model, HttpServletResponse response) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		if (!this.validator.validate(form).isEmpty()) {
			String field = this.validator.validateProperty(form, "email").isEmpty() ? "role" : "email";
			return refused(caller, model, response, form, new FieldRefusal(field, ErrorCode.INVALID_REQUEST_SCHEMA));
		}
		return send(caller, model, response, form, form.invitee());
	}

	/**
	 * Sends a pending invitation again: a new one to the same address in the same role,
	 * which replaces it, so only the newest link works.
	 */
	@PostMapping("/app/settings/members/invitations/{id}/resend")
	String resend(Caller caller, @PathVariable String id, Model model, HttpServletResponse response) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		Invitation pending = this.list.pendingInvitation(caller, id);
		String custom = (pending.role().customRoleId() != null) ? pending.role().customRoleId().toString() : null;
		Invitee again = new Invitee(pending.email(), (custom == null) ? pending.role().name() : null, custom,
				(pending.supervisorId() != null) ? pending.supervisorId().toString() : null);
		return send(caller, model, response, InviteForm.empty(), again);
	}

	@PostMapping("/app/settings/members/invitations/{id}/revoke")
	String revoke(Caller caller, @PathVariable String id) {
		SettingsSection.MEMBERS.requireOpenTo(caller);
		this.invite.revoke(caller, id);
		return "redirect:/app/settings/members?revoked";
	}

	private String send(Caller caller, Model model, HttpServletResponse response, InviteForm form, Invitee invitee) {
		try {
			model.addAttribute("sent", this.invite.invite(caller, invitee));
		}
		catch (ParleyException ex) {
			if (!ABOUT_THE_FORM.contains(ex.code())) {
				throw ex;
			}
			return refused(caller, model, response, form, new FieldRefusal(fieldOf(ex.code()), ex.code()));
		}
		return page(caller, model, InviteForm.empty());
	}

	private String memberAction(Caller caller, String userId, String htmx, Model model, HttpServletResponse response,
			Runnable action) {
		try {
			action.run();
		}
		catch (ParleyException ex) {
			if (!ABOUT_THE_FORM.contains(ex.code())) {
				throw ex;
			}
			response.setStatus(ex.code().status());
			model.addAttribute("refusal", new FieldRefusal(userId, ex.code()));
			if (htmx == null) {
				return page(caller, model, InviteForm.empty());
			}
		}
		if (htmx == null) {
			return "redirect:/app/settings/members?saved";
		}
		MembersView view = this.list.of(caller);
		model.addAttribute("view", view);
		model.addAttribute("m", view.member(userId));
		return PAGE + " :: member";
	}

	private String refused(Caller caller, Model model, HttpServletResponse response, InviteForm form,
			FieldRefusal refusal) {
		response.setStatus(refusal.code().status());
		model.addAttribute("inviteRefusal", refusal);
		return page(caller, model, form);
	}

	private String page(Caller caller, Model model, InviteForm form) {
		model.addAttribute("view", this.list.of(caller));
		model.addAttribute("inviteForm", form);
		return PAGE;
	}

	/**
	 * An address already a member's is the email's fault; a role one may not give, the
	 * role's.
	 */
	private static String fieldOf(ErrorCode code) {
		return (code == ErrorCode.ALREADY_A_MEMBER) ? "email" : "role";
	}

}

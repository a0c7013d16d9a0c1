package io.parley.workspace.web;

import io.parley.system.ApiResponse;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Invite;
import io.parley.workspace.Invitee;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's invitations: invite by email, list the pending ones, revoke one.
 */
@RestController
@RequestMapping(path = "/api/invitations", produces = "application/json")
class InvitationController {

	private final Invite invite;

	InvitationController(Invite invite) {
		this.invite = invite;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.INVITE_MEMBERS)
	ApiResponse invite(Caller caller, @Valid @RequestBody InviteRequest request) {
		Invitee invitee = new Invitee(request.email(), request.role(), request.customRoleId(), request.supervisorId());
		return ApiResponse.ok(InvitationView.of(this.invite.invite(caller, invitee)));
	}

	@GetMapping
	@RequiresPermission(Permission.INVITE_MEMBERS)
	ApiResponse pending(Caller caller, @RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return ApiResponse.ok(this.invite.pending(caller, cursor, limit).map(InvitationView::of));
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.INVITE_MEMBERS)
	ApiResponse revoke(Caller caller, @PathVariable String id) {
		this.invite.revoke(caller, id);
		return ApiResponse.ok(new Revoked(id));
	}

	/**
	 * @param role a built-in role to invite to: {@code admin}, {@code supervisor} or
	 * {@code agent}; or else {@code customRoleId}
	 */
	record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @Size(max = 20) String role,
			@Size(max = 100) String customRoleId, @Size(max = 100) String supervisorId) {
	}

	record Revoked(String id) {
	}

}

package io.parley.workspace.web;

import io.parley.system.ApiResponse;
import io.parley.system.Timestamps;
import io.parley.workspace.AcceptInvitation;
import io.parley.workspace.AcceptInvitation.Preview;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitation link, for whoever holds its secret (no token): see what it offers,
 * accept it. The secret travels in the body, never in a path, which servers and proxies
 * log.
 */
@RestController
@RequestMapping(path = "/api/invitation-links", produces = "application/json")
class InvitationLinkController {

	private final AcceptInvitation accept;

	InvitationLinkController(AcceptInvitation accept) {
		this.accept = accept;
	}

	@PostMapping("/lookup")
	ApiResponse show(@Valid @RequestBody LookupRequest request) {
		Preview preview = this.accept.show(request.secret());
		return ApiResponse.ok(new LinkView(preview.workspace().name(), preview.invitation().email(),
				preview.invitation().role().name(), Timestamps.format(preview.invitation().expiresAt()),
				preview.accountExists()));
	}

	@PostMapping("/accept")
	ApiResponse accept(@Valid @RequestBody AcceptRequest request) {
		return ApiResponse
			.ok(WorkspaceView.of(this.accept.accept(request.secret(), request.name(), request.password())));
	}

	/**
	 * @param secret the fragment of the invitation's link
	 */
	record LookupRequest(@NotNull @Size(max = 200) String secret) {
	}

	/**
	 * @param secret the fragment of the invitation's link
	 * @param name the new account's name; needed only when the address has no account
	 */
	record AcceptRequest(@NotNull @Size(max = 200) String secret, @Size(max = 200) String name,
			@NotNull @Size(max = 200) String password) {
	}

	/**
	 * @param accountExists whether accepting links an existing account (its password is
	 * asked) rather than creating one (a name and a new password are asked)
	 */
	record LinkView(String workspaceName, String email, String role, String expiresAt, boolean accountExists) {
	}

}

package io.parley.dashboard.web;

import io.parley.workspace.Invitee;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The invitation form as it was sent: checked as {@code POST /api/invitations} checks its
 * body, and shown again with what was typed when refused.
 *
 * @param role a {@link RoleChoice#key() role key}
 */
public record InviteForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String role) {

	static InviteForm empty() {
		return new InviteForm("", "agent");
	}

	Invitee invitee() {
		return new Invitee(this.email.strip(), RoleChoice.builtInOf(this.role).orElse(null),
				RoleChoice.customOf(this.role).orElse(null), null);
	}

}

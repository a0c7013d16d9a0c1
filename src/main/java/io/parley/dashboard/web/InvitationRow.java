package io.parley.dashboard.web;

import java.time.Instant;

import io.parley.workspace.Invitation;

/** A pending invitation as the members page lists it. */
public record InvitationRow(String id, String email, String role, Instant expiresAt) {

	static InvitationRow of(Invitation invitation) {
		return new InvitationRow(invitation.id().toString(), invitation.email(), invitation.role().name(),
				invitation.expiresAt());
	}

}

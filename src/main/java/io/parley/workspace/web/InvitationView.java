package io.parley.workspace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.system.Timestamps;
import io.parley.workspace.Invitation;
import io.parley.workspace.Invite.Sent;

/**
 * An invitation as its workspace's members see it; never with its secret, except in the
 * {@code link} of one just made that could not be mailed.
 *
 * @param role the name of the role, built-in or custom
 * @param delivered whether it was mailed; only when just made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InvitationView(String id, String email, String role, String customRoleId, String supervisorId, String invitedBy,
		String createdAt, String expiresAt, Boolean delivered, String link) {

	static InvitationView of(Invitation invitation) {
		return of(invitation, null, null);
	}

	static InvitationView of(Sent sent) {
		return of(sent.invitation(), sent.delivered(), sent.link());
	}

	private static InvitationView of(Invitation invitation, Boolean delivered, String link) {
		return new InvitationView(invitation.id().toString(), invitation.email(), invitation.role().name(),
				text(invitation.role().customRoleId()), text(invitation.supervisorId()),
				invitation.invitedBy().toString(), Timestamps.format(invitation.createdAt()),
				Timestamps.format(invitation.expiresAt()), delivered, link);
	}

	private static String text(Object id) {
		return (id != null) ? id.toString() : null;
	}

}

package io.parley.workspace;

import java.time.Clock;

import io.parley.identity.UserAccount;
import io.parley.identity.Users;
import io.parley.system.Timestamps;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Mails an invitation's link once the invitation is committed. The link gets a fresh
 * secret here, whose hash is committed before the mail is sent, so the link works as soon
 * as the mail arrives and no database connection waits on the mail server. A mail the
 * server refuses leaves the event publication unfinished, and it is sent again later with
 * yet another secret (decision 36). A revoked, replaced, accepted or expired invitation
 * is not mailed.
 */
@Component
class InvitationDelivery {

	private final Invitations invitations;

	private final Users users;

	private final Workspaces workspaces;

	private final InvitationMail mail;

	private final Clock clock;

	InvitationDelivery(Invitations invitations, Users users, Workspaces workspaces, InvitationMail mail, Clock clock) {
		this.invitations = invitations;
		this.users = users;
		this.workspaces = workspaces;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * The id names the listener in the event publication table: renaming code keeps it.
	 */
	@ApplicationModuleListener(id = "invitation-mail", propagation = Propagation.NOT_SUPPORTED)
	void on(InvitationIssued event) {
		Invitation invitation = this.invitations.find(event.workspaceId(), event.invitationId()).orElse(null);
		InvitationSecret secret = InvitationSecret.random();
		// revoked or replaced (no row), accepted or expired: nothing to mail
		if (invitation == null || !this.invitations.reissue(invitation, secret, Timestamps.now(this.clock))) {
			return;
		}
		UserAccount inviter = this.users.find(invitation.invitedBy()).orElseThrow().account();
		this.mail.send(invitation, secret, inviter, this.workspaces.find(invitation.workspaceId()).orElseThrow());
	}

}

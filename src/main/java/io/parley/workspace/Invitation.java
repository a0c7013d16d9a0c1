package io.parley.workspace;

import java.time.Instant;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;

/**
 * An invitation to join a workspace in a role, sent as a link that works once and
 * expires.
 *
 * @param email where the link was sent, in lower case
 * @param supervisorId the supervisor the invited agent will work for, or {@code null}
 * @param invitedBy the member who sent it
 * @param acceptedAt when the link was used, or {@code null} while it is pending
 */
public record Invitation(InvitationId id, WorkspaceId workspaceId, String email, MemberRole role, UserId supervisorId,
		UserId invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt) {

	public boolean isAccepted() {
		return this.acceptedAt != null;
	}

	public boolean hasExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVITATION_USED} or
	 * {@link ErrorCode#INVITATION_EXPIRED} when the link can no longer be used
	 */
	void requireUsable(Instant now) {
		if (isAccepted()) {
			throw ErrorCode.INVITATION_USED.exception();
		}
		if (hasExpired(now)) {
			throw ErrorCode.INVITATION_EXPIRED.exception();
		}
	}

}

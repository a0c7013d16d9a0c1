package io.parley.workspace;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends a member's sessions once they can no longer act in the workspace (deactivated or
 * removed), in the transaction of the change: their refresh tokens are refused at once,
 * and a reactivated member logs in again. Their access tokens are refused already, by
 * {@link Callers}.
 */
@Component
class SessionsOfChangedMembers {

	private final Memberships memberships;

	private final Sessions sessions;

	SessionsOfChangedMembers(Memberships memberships, Sessions sessions) {
		this.memberships = memberships;
		this.sessions = sessions;
	}

	@EventListener
	void on(MembershipChanged event) {
		boolean active = this.memberships.find(event.workspaceId(), event.userId()).map(Member::active).orElse(false);
		if (!active) {
			this.sessions.endAll(event.workspaceId(), event.userId());
		}
	}

}

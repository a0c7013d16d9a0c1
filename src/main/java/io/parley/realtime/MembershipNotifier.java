package io.parley.realtime;

import io.parley.workspace.MembershipChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Closes a member's sockets in a workspace when their membership changes: a socket keeps
 * the permissions it was opened with, so a deactivated member loses it at once and a
 * member with a new role reconnects with what they may do now.
 */
@Component
class MembershipNotifier {

	static final CloseStatus MEMBERSHIP_CHANGED = CloseStatus.POLICY_VIOLATION.withReason("Membership changed");

	private final ConnectionRegistry connections;

	MembershipNotifier(ConnectionRegistry connections) {
		this.connections = connections;
	}

	@EventListener
	void on(MembershipChanged event) {
		AfterCommit.run(() -> {
			this.connections.membershipChanged();
			for (Connection connection : this.connections.ofMember(event.workspaceId(), event.userId())) {
				connection.close(MEMBERSHIP_CHANGED);
			}
		});
	}

}

package io.parley.workspace;

import io.parley.identity.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the realtime module tells about members' sockets (seed 004: an agent is offline on
 * their own when their last socket closes).
 */
@Service
public class MemberPresence {

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	MemberPresence(Memberships memberships, ApplicationEventPublisher events) {
		this.memberships = memberships;
		this.events = events;
	}

	/**
	 * The user's last socket in the workspace closed: they are offline there. Runs in a
	 * transaction of its own, so that a socket closing inside another unit of work is
	 * recorded whatever becomes of that work. A user who is no member any more is
	 * ignored.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void lastSocketClosed(WorkspaceId workspace, UserId user) {
		this.memberships.setAvailability(workspace, user, Availability.OFFLINE);
		this.events.publishEvent(new AvailabilityChanged(workspace, user, Availability.OFFLINE));
	}

}

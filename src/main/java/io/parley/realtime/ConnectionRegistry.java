package io.parley.realtime;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Every open socket and event stream by workspace, and the signed-in ones by member: the
 * staff's inbox feed goes to a workspace's sockets, a member's presence to the visitors
 * of the conversations they handle, and a member's sockets are found when their
 * membership changes or the last one closes.
 */
@Component
class ConnectionRegistry {

	private final ConcurrentHashMap<WorkspaceId, Set<Connection>> byWorkspace = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<MemberKey, Set<Connection>> byMember = new ConcurrentHashMap<>();

	private final AtomicLong membershipChanges = new AtomicLong();

	/**
	 * Adds the socket inside the map's atomic update, so a concurrent {@link #remove} of
	 * the member's last other socket cannot drop the set it is added to.
	 */
	void add(Connection connection) {
		this.byWorkspace.compute(connection.principal().workspaceId(),
				(key, connections) -> with(connections, connection));
		if (connection.principal() instanceof SocketPrincipal.SignedIn signedIn) {
			this.byMember.compute(MemberKey.of(signedIn.caller()), (key, connections) -> with(connections, connection));
		}
	}

	private static Set<Connection> with(Set<Connection> connections, Connection connection) {
		Set<Connection> set = (connections != null) ? connections : ConcurrentHashMap.newKeySet();
		set.add(connection);
		return set;
	}

	/**
	 * Counts a membership change before its member's sockets are closed: a socket that
	 * was being opened meanwhile sees the count move and checks its caller again.
	 */
	void membershipChanged() {
		this.membershipChanges.incrementAndGet();
	}

	long membershipChanges() {
		return this.membershipChanges.get();
	}

	/**
	 * @return whether it was the member's last socket in that workspace; {@code false}
	 * for a widget visitor's
	 */
	boolean remove(Connection connection) {
		this.byWorkspace.computeIfPresent(connection.principal().workspaceId(),
				(key, connections) -> (connections.remove(connection) && connections.isEmpty()) ? null : connections);
		if (!(connection.principal() instanceof SocketPrincipal.SignedIn signedIn)) {
			return false;
		}
		Caller caller = signedIn.caller();
		boolean[] last = new boolean[1];
		this.byMember.computeIfPresent(MemberKey.of(caller), (key, connections) -> {
			last[0] = connections.remove(connection) && connections.isEmpty();
			return last[0] ? null : connections;
		});
		return last[0];
	}

	/** How many sockets are open on this node. */
	int size() {
		return this.byWorkspace.values().stream().mapToInt(Set::size).sum();
	}

	Set<Connection> inWorkspace(WorkspaceId workspace) {
		return this.byWorkspace.getOrDefault(workspace, Set.of());
	}

	/**
	 * The workspaces with a socket on this node that asked for the inbox's activity; a
	 * walk over this node's sockets.
	 */
	Set<WorkspaceId> withInboxActivity() {
		Set<WorkspaceId> workspaces = new HashSet<>();
		this.byWorkspace.forEach((workspace, connections) -> {
			for (Connection connection : connections) {
				if (connection.isSubscribedToInboxActivity()) {
					workspaces.add(workspace);
					return;
				}
			}
		});
		return workspaces;
	}

	Set<Connection> ofMember(WorkspaceId workspace, UserId user) {
		return this.byMember.getOrDefault(new MemberKey(workspace, user), Set.of());
	}

	private record MemberKey(WorkspaceId workspace, UserId user) {

		static MemberKey of(Caller caller) {
			return new MemberKey(caller.workspaceId(), caller.userId());
		}

	}

}

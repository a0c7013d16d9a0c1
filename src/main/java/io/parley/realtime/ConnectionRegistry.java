package io.parley.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.identity.Caller;
import io.parley.identity.UserId;
import io.parley.identity.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Every open socket by workspace and by member: the staff's inbox feed goes to a
 * workspace's sockets, and a member's sockets are found when their membership changes or
 * the last one closes.
 */
@Component
class ConnectionRegistry {

	private final ConcurrentHashMap<WorkspaceId, Set<Connection>> byWorkspace = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<MemberKey, Set<Connection>> byMember = new ConcurrentHashMap<>();

	void add(Connection connection) {
		Caller caller = connection.caller();
		this.byWorkspace.computeIfAbsent(caller.workspaceId(), (key) -> ConcurrentHashMap.newKeySet()).add(connection);
		this.byMember.computeIfAbsent(MemberKey.of(caller), (key) -> ConcurrentHashMap.newKeySet()).add(connection);
	}

	/**
	 * @return whether it was the member's last socket in that workspace
	 */
	boolean remove(Connection connection) {
		Caller caller = connection.caller();
		this.byWorkspace.computeIfPresent(caller.workspaceId(),
				(key, connections) -> (connections.remove(connection) && connections.isEmpty()) ? null : connections);
		boolean[] last = new boolean[1];
		this.byMember.computeIfPresent(MemberKey.of(caller), (key, connections) -> {
			last[0] = connections.remove(connection) && connections.isEmpty();
			return last[0] ? null : connections;
		});
		return last[0];
	}

	Set<Connection> inWorkspace(WorkspaceId workspace) {
		return this.byWorkspace.getOrDefault(workspace, Set.of());
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

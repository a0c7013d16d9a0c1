package io.parley.workspace;

import java.util.List;
import java.util.Optional;

import io.parley.identity.UserId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up the members of a workspace for other modules. A user of another workspace is
 * not found.
 */
@Service
public class MemberDirectory {

	private final Memberships memberships;

	private final Callers callers;

	MemberDirectory(Memberships memberships, Callers callers) {
		this.memberships = memberships;
		this.callers = callers;
	}

	public Optional<Member> find(WorkspaceId workspace, UserId user) {
		return this.memberships.find(workspace, user);
	}

	/** The member named by a raw id from a request; empty when no member has it. */
	public Optional<Member> find(WorkspaceId workspace, String user) {
		return UserId.parse(user).flatMap((id) -> find(workspace, id));
	}

	/**
	 * The active member as a {@link Caller}, with the permissions their membership grants
	 * now: what another module asks to learn what that member may see. Empty for a
	 * deactivated member or a user of another workspace.
	 */
	public Optional<Caller> activeCaller(WorkspaceId workspace, UserId user) {
		return this.callers.resolve(user, workspace);
	}

	/** Whether a member who handles conversations is online now. */
	@Transactional(readOnly = true)
	public boolean anyoneAnswering(WorkspaceId workspace) {
		return this.memberships.anyOnlineWith(workspace, Permission.HANDLE_CONVERSATIONS);
	}

	public List<Member> members(WorkspaceId workspace) {
		return this.memberships.of(workspace);
	}

}

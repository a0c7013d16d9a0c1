package io.parley.dashboard.web;

import java.util.List;

import io.parley.system.ErrorCode;

/**
 * What the members page shows: the members, the roles the viewer may give, and the
 * invitations still pending (for those who may invite).
 *
 * @param mayManage whether the viewer changes roles and activations
 * ({@code members.manage})
 * @param mayInvite whether the viewer invites and sees the invitations
 * ({@code members.invite})
 */
public record MembersView(List<MemberRow> members, List<RoleChoice> roles, List<InvitationRow> invitations,
		boolean mayManage, boolean mayInvite) {

	/** For templates: the row of a member, after a change of it. */
	public MemberRow member(String userId) {
		return this.members.stream()
			.filter((row) -> row.userId().equals(userId))
			.findFirst()
			.orElseThrow(ErrorCode.MEMBER_NOT_FOUND::exception);
	}

}

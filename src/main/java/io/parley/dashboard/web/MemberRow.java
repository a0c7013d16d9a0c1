package io.parley.dashboard.web;

import io.parley.workspace.Member;

/**
 * A member as the members page lists them.
 *
 * @param roleKey the {@link RoleChoice#key() key} of the role held
 * @param supervisor the name of the supervisor an agent works for, or {@code null}
 * @param twoFactor whether their account signs in with a second factor
 * @param changeable whether the viewer may change their role and activation: not the
 * owner's, never one's own, only with {@code members.manage}
 */
public record MemberRow(String userId, String name, String email, String role, String roleKey, String supervisor,
		boolean active, boolean twoFactor, boolean owner, boolean changeable) {

	static MemberRow of(Member member, String supervisor, boolean twoFactor, boolean mayManage, boolean self) {
		return new MemberRow(member.userId().toString(), member.name(), member.email(), member.role().name(),
				RoleChoice.keyOf(member.role()), supervisor, member.active(), twoFactor, member.isOwner(),
				mayManage && !member.isOwner() && !self);
	}

}

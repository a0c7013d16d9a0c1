package io.parley.workspace.web;

import io.parley.system.Timestamps;
import io.parley.workspace.AgentProfile;
import io.parley.workspace.Member;

/**
 * A member of the workspace, with their seed-004 agent profile.
 *
 * @param role the role's name, built-in ({@code agent}) or custom
 * @param customRoleId the custom role held, or {@code null} for a built-in one
 */
record MemberView(String userId, String name, String email, String role, String customRoleId, String supervisorId,
		boolean active, String displayName, String avatarUrl, String availability, int maxConcurrent, String joinedAt) {

	static MemberView of(Member member) {
		AgentProfile profile = member.profile();
		return new MemberView(member.userId().toString(), member.name(), member.email(), member.role().name(),
				(member.role().customRoleId() != null) ? member.role().customRoleId().toString() : null,
				(member.supervisorId() != null) ? member.supervisorId().toString() : null, member.active(),
				profile.displayName(), profile.avatarUrl(), profile.availability().value(), profile.maxConcurrent(),
				Timestamps.format(member.joinedAt()));
	}

}

package io.parley.email;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whom an inbox's new conversations are sent to, as an administrator names them (decision
 * 114): an active member of the inbox's workspace who may assign conversations (a
 * supervisor, the owner, a custom role with that permission), as a candidate's request
 * names its supervisor (seed 003).
 */
@Component
class DefaultSupervisors {

	private final MemberDirectory members;

	DefaultSupervisors(MemberDirectory members) {
		this.members = members;
	}

	/**
	 * @param given the member's id, empty for nobody, {@code null} to keep
	 * {@code current} (as its own id does: a setting gone stale is kept until changed)
	 * @throws io.parley.system.ParleyException {@link ErrorCode#SUPERVISOR_NOT_FOUND} for
	 * anyone else: not a member of the workspace, or one who may not assign
	 */
	@Nullable UserId chosen(WorkspaceId workspace, @Nullable String given, @Nullable UserId current) {
		if (given == null || (current != null && given.equals(current.value().toString()))) {
			return current;
		}
		if (given.isEmpty()) {
			return null;
		}
		return this.members.find(workspace, given)
			.filter((member) -> member.can(Permission.ASSIGN_CONVERSATION))
			.map(Member::userId)
			.orElseThrow(ErrorCode.SUPERVISOR_NOT_FOUND::exception);
	}

}

package io.parley.workspace;

import io.parley.identity.TwoFactor;
import io.parley.system.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * A workspace's rule that its staff sign in with a second factor (decision 54): a staff
 * member without one gets no token for acting there, only the way to set one up at
 * log-in. Candidates are not staff and are not asked.
 */
@Component
class TwoFactorRequirement {

	private final Workspaces workspaces;

	private final TwoFactor twoFactor;

	TwoFactorRequirement(Workspaces workspaces, TwoFactor twoFactor) {
		this.workspaces = workspaces;
		this.twoFactor = twoFactor;
	}

	/** Whether the member must set up a second factor before acting in the workspace. */
	boolean mustEnrol(Member member) {
		return member.isStaff() && requiredIn(member.workspaceId()) && !this.twoFactor.isEnabled(member.userId());
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_REQUIRED} when
	 * the member must set up a second factor first
	 */
	void requireMet(Member member) {
		if (mustEnrol(member)) {
			throw ErrorCode.TWO_FACTOR_REQUIRED.exception();
		}
	}

	private boolean requiredIn(WorkspaceId workspace) {
		return this.workspaces.find(workspace).map(Workspace::requireTwoFactor).orElse(false);
	}

}

package io.parley.workspace;

import java.util.Optional;

import io.parley.identity.UserId;

import org.springframework.stereotype.Component;

/**
 * Turns the user and workspace a token names into a {@link Caller}, from the membership
 * as it is now: a changed role applies to the next request, a deactivated or removed
 * member is refused at once.
 */
@Component
class Callers {

	private final Memberships memberships;

	Callers(Memberships memberships) {
		this.memberships = memberships;
	}

	Optional<Caller> resolve(UserId user, WorkspaceId workspace) {
		return this.memberships.find(workspace, user).filter(Member::active).map(Member::caller);
	}

}

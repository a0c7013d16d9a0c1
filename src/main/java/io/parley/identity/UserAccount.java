package io.parley.identity;

import io.parley.workspace.Member;

/**
 * A user as other modules see it. What a user may do depends on the workspace: see
 * {@link Member}.
 */
public record UserAccount(UserId id, String name, String email) {
}

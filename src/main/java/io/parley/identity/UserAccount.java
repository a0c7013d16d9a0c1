package io.parley.identity;

/**
 * A user as other modules see it. What a user may do depends on the workspace they act
 * in: see the workspace module's {@code Member}.
 */
public record UserAccount(UserId id, String name, String email) {
}

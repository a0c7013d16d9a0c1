package io.parley.workspace;

/**
 * Whom to invite, as the request names it: exactly one of {@code role} (a built-in role's
 * name) and {@code customRoleId}; {@code supervisorId} only for roles that handle
 * conversations.
 */
public record Invitee(String email, String role, String customRoleId, String supervisorId) {
}

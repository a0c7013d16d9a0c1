package io.parley.workspace;

/**
 * What a new user gives at sign-up; {@code supervisorId} matters only for agents.
 */
public record Registration(String name, String email, String password, Role role, String supervisorId) {
}

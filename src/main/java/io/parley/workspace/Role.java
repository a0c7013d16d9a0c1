package io.parley.workspace;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import static io.parley.workspace.Permission.ASSIGN_CONVERSATION;
import static io.parley.workspace.Permission.CLOSE_ANY_CONVERSATION;
import static io.parley.workspace.Permission.CLOSE_ASSIGNED_CONVERSATION;
import static io.parley.workspace.Permission.CLOSE_OPEN_CONVERSATION;
import static io.parley.workspace.Permission.CREATE_CONVERSATION;
import static io.parley.workspace.Permission.DELETE_CONVERSATIONS;
import static io.parley.workspace.Permission.HANDLE_CONVERSATIONS;
import static io.parley.workspace.Permission.INVITE_MEMBERS;
import static io.parley.workspace.Permission.MANAGE_CANNED_RESPONSES;
import static io.parley.workspace.Permission.MANAGE_CONTACTS;
import static io.parley.workspace.Permission.MANAGE_MEMBERS;
import static io.parley.workspace.Permission.MANAGE_ROLES;
import static io.parley.workspace.Permission.MANAGE_SETTINGS;
import static io.parley.workspace.Permission.START_CONVERSATION;
import static io.parley.workspace.Permission.TAKE_PART_IN_CONVERSATION;
import static io.parley.workspace.Permission.UPDATE_CONVERSATION;
import static io.parley.workspace.Permission.USE_CANNED_RESPONSES;
import static io.parley.workspace.Permission.VIEW_ANALYTICS;
import static io.parley.workspace.Permission.VIEW_ANY_CONVERSATION;
import static io.parley.workspace.Permission.VIEW_REPORTS;
import static io.parley.workspace.Permission.VIEW_WORKSPACE;
import static io.parley.workspace.Permission.WRITE_NOTES;

/**
 * The built-in roles: seed 003's admin, supervisor, agent and candidate, and the owner
 * who created the workspace. Each is a fixed set of {@link Permission permissions}; a
 * workspace adds its own roles as other sets.
 */
public enum Role {

	OWNER(EnumSet.complementOf(EnumSet.of(START_CONVERSATION))),

	ADMIN(EnumSet.of(CREATE_CONVERSATION, VIEW_ANY_CONVERSATION, UPDATE_CONVERSATION, CLOSE_OPEN_CONVERSATION,
			CLOSE_ANY_CONVERSATION, DELETE_CONVERSATIONS, WRITE_NOTES, MANAGE_CONTACTS, VIEW_WORKSPACE, INVITE_MEMBERS,
			MANAGE_MEMBERS, MANAGE_ROLES, MANAGE_SETTINGS, VIEW_ANALYTICS, VIEW_REPORTS, USE_CANNED_RESPONSES,
			MANAGE_CANNED_RESPONSES)),

	SUPERVISOR(EnumSet.of(CREATE_CONVERSATION, ASSIGN_CONVERSATION, UPDATE_CONVERSATION, CLOSE_OPEN_CONVERSATION,
			WRITE_NOTES, MANAGE_CONTACTS, VIEW_WORKSPACE, VIEW_REPORTS, USE_CANNED_RESPONSES, MANAGE_CANNED_RESPONSES)),

	AGENT(EnumSet.of(TAKE_PART_IN_CONVERSATION, HANDLE_CONVERSATIONS, CREATE_CONVERSATION, UPDATE_CONVERSATION,
			CLOSE_ASSIGNED_CONVERSATION, WRITE_NOTES, MANAGE_CONTACTS, VIEW_WORKSPACE, USE_CANNED_RESPONSES)),

	/** Seed 003's customer: a contact with a login, not a member of the staff. */
	CANDIDATE(EnumSet.of(START_CONVERSATION, TAKE_PART_IN_CONVERSATION));

	private final String value = name().toLowerCase(Locale.ROOT);

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = Collections.unmodifiableSet(permissions);
	}

	/** The role as the API writes it: {@code owner}, {@code admin}, ... */
	@JsonValue
	public String value() {
		return this.value;
	}

	public Set<Permission> permissions() {
		return this.permissions;
	}

	public static Optional<Role> parse(String value) {
		for (Role role : values()) {
			if (role.value.equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}

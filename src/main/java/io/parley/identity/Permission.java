package io.parley.identity;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a caller may do. Built-in {@link Role roles} and custom roles are sets of these;
 * REST handlers declare the one they need with {@link RequiresPermission}, socket
 * handlers ask {@link Caller#require(Permission)}. Nothing else compares roles.
 */
public enum Permission {

	/** Ask for support as a candidate (seed 003 {@code POST /conversations}). */
	START_CONVERSATION("conversations.start"),

	/** Join and write to the conversations one takes part in (seed 003 sockets). */
	TAKE_PART_IN_CONVERSATION("conversations.take_part"),

	/** Be given conversations to handle: what makes a member an agent. */
	HANDLE_CONVERSATIONS("conversations.handle"),

	/** Open a conversation with a contact on their behalf (channel {@code api}). */
	CREATE_CONVERSATION("conversations.create"),

	/** See every conversation of the workspace, not only one's own. */
	VIEW_ANY_CONVERSATION("conversations.view_all", true),

	/** Give conversations to agents. */
	ASSIGN_CONVERSATION("conversations.assign"),

	/** Change the status, priority and tags of the conversations one can see. */
	UPDATE_CONVERSATION("conversations.update"),

	/** Close a conversation no agent has joined yet (seed 003 HTTP close). */
	CLOSE_OPEN_CONVERSATION("conversations.close"),

	/** Close any open conversation, not only those sent to oneself. */
	CLOSE_ANY_CONVERSATION("conversations.close_any", true),

	/** Close a conversation one has handled (seed 003 socket close). */
	CLOSE_ASSIGNED_CONVERSATION("conversations.close_assigned"),

	/** Read and write internal notes, which customers never see. */
	WRITE_NOTES("conversations.notes"),

	/** See and edit contacts and the notes on them. */
	MANAGE_CONTACTS("contacts.manage"),

	/** See the workspace: its members, roles and settings. */
	VIEW_WORKSPACE("workspace.view"),

	INVITE_MEMBERS("members.invite", true),

	/** Change members' roles, deactivate and remove them. */
	MANAGE_MEMBERS("members.manage", true),

	/** Create, change and delete custom roles. */
	MANAGE_ROLES("roles.manage", true),

	/** Change the workspace's settings, chat settings and sign-up policy. */
	MANAGE_SETTINGS("settings.manage", true),

	VIEW_ANALYTICS("analytics.view", true);

	private final String value;

	private final boolean administrative;

	Permission(String value) {
		this(value, false);
	}

	Permission(String value, boolean administrative) {
		this.value = value;
		this.administrative = administrative;
	}

	/**
	 * Whether the permission governs the workspace (its members, roles, settings,
	 * oversight) rather than doing the support work. Only those who hold an
	 * administrative permission may grant it: see {@link Caller#mayGrant}.
	 */
	public boolean isAdministrative() {
		return this.administrative;
	}

	/**
	 * The name the API and custom roles use, for example {@code conversations.assign}.
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	public static Optional<Permission> parse(String value) {
		for (Permission permission : values()) {
			if (permission.value.equals(value)) {
				return Optional.of(permission);
			}
		}
		return Optional.empty();
	}

}

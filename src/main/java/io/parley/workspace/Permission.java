package io.parley.workspace;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a caller may do. Built-in {@link Role roles} and custom roles are sets of these;
 * REST handlers declare the one they need with {@link RequiresPermission}, socket
 * handlers ask {@link Caller#require(Permission)}. Nothing else compares roles.
 */
public enum Permission {

	START_CONVERSATION("conversations.start", "Ask for support as a candidate (seed 003 POST /conversations)"),

	TAKE_PART_IN_CONVERSATION("conversations.take_part", "Join and write in the conversations one takes part in"),

	HANDLE_CONVERSATIONS("conversations.handle", "Be given conversations to handle, as an agent"),

	CREATE_CONVERSATION("conversations.create", "Open a conversation with a contact on their behalf"),

	VIEW_ANY_CONVERSATION("conversations.view_all", "See every conversation of the workspace, not only one's own",
			true),

	ASSIGN_CONVERSATION("conversations.assign", "Give conversations to agents, as a supervisor"),

	UPDATE_CONVERSATION("conversations.update",
			"Change the status, priority and tags of the conversations one can see"),

	CLOSE_OPEN_CONVERSATION("conversations.close", "Close a conversation no agent has joined yet"),

	CLOSE_ANY_CONVERSATION("conversations.close_any", "Close any open conversation, not only those sent to oneself",
			true),

	CLOSE_ASSIGNED_CONVERSATION("conversations.close_assigned", "Close the conversations one handles"),

	/**
	 * Administrative: a deletion takes the messages and files of a conversation for good
	 * (decision 108).
	 */
	DELETE_CONVERSATIONS("conversations.delete", "Delete conversations for good, with their messages and files", true),

	WRITE_NOTES("conversations.notes", "Read and write internal notes, which customers never see"),

	MANAGE_CONTACTS("contacts.manage", "See and edit contacts and the notes on them"),

	VIEW_WORKSPACE("workspace.view", "See the workspace: its members, roles and settings"),

	INVITE_MEMBERS("members.invite", "Invite people to join the workspace", true),

	MANAGE_MEMBERS("members.manage", "Change members' roles and profiles, deactivate and remove them", true),

	MANAGE_ROLES("roles.manage", "Create, change and delete custom roles", true),

	MANAGE_SETTINGS("settings.manage", "Change the workspace's settings, chat settings and sign-up policy", true),

	VIEW_ANALYTICS("analytics.view", "See the workspace's analytics", true),

	/**
	 * Not administrative, unlike {@link #VIEW_ANALYTICS}: supervisors hold it, and
	 * whoever may invite may invite supervisors (decision 88).
	 */
	VIEW_REPORTS("reports.view",
			"See the reports: conversations per day, response and resolution times, CSAT, per agent"),

	/**
	 * Read the workspace's shared canned responses, insert them into replies, and keep
	 * private ones of one's own (decision 81).
	 */
	USE_CANNED_RESPONSES("canned_responses.use",
			"Use the canned responses when answering, and keep private ones of one's own"),

	/** Not administrative: the support work's own texts, kept by its supervisors too. */
	MANAGE_CANNED_RESPONSES("canned_responses.manage",
			"Create, change and delete the canned responses shared with the whole workspace");

	private final String value;

	private final String description;

	private final boolean administrative;

	Permission(String value, String description) {
		this(value, description, false);
	}

	Permission(String value, String description, boolean administrative) {
		this.value = value;
		this.description = description;
		this.administrative = administrative;
	}

	/**
	 * The name the API and custom roles use, for example {@code conversations.assign}.
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/** One line for people choosing the permissions of a custom role. */
	public String description() {
		return this.description;
	}

	/**
	 * Whether the permission governs the workspace (its members, roles, settings,
	 * oversight) rather than doing the support work. Only those who hold an
	 * administrative permission may grant it: see {@link Caller#mayGrant}.
	 */
	public boolean isAdministrative() {
		return this.administrative;
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

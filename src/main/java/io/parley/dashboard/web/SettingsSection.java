package io.parley.dashboard.web;

import java.util.Arrays;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

/**
 * A page under {@code /app/settings} and what a member needs to open it: the index lists
 * only those, and each page refuses everyone else.
 */
public enum SettingsSection {

	WORKSPACE("workspace", Permission.MANAGE_SETTINGS),

	WIDGET("widget", Permission.MANAGE_SETTINGS),

	/**
	 * For those who manage members or invite them; agents only see the workspace
	 * (decision 96).
	 */
	MEMBERS("members", Permission.MANAGE_MEMBERS, Permission.INVITE_MEMBERS),

	ROLES("roles", Permission.MANAGE_ROLES),

	CANNED_RESPONSES("canned-responses", Permission.USE_CANNED_RESPONSES),

	MAILBOXES("mailboxes", Permission.MANAGE_SETTINGS),

	/** Every member's own account. */
	TWO_FACTOR("two-factor");

	private final String path;

	private final List<Permission> anyOf;

	SettingsSection(String path, Permission... anyOf) {
		this.path = path;
		this.anyOf = List.of(anyOf);
	}

	/** For templates: the last segment of its address, and the key of its texts. */
	public String path() {
		return this.path;
	}

	boolean isOpenTo(Caller caller) {
		return this.anyOf.isEmpty() || this.anyOf.stream().anyMatch(caller::can);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#FORBIDDEN} for a member
	 * who may not open it
	 */
	void requireOpenTo(Caller caller) {
		if (!isOpenTo(caller)) {
			throw ErrorCode.FORBIDDEN.exception();
		}
	}

	static List<SettingsSection> openTo(Caller caller) {
		return Arrays.stream(values()).filter((section) -> section.isOpenTo(caller)).toList();
	}

}

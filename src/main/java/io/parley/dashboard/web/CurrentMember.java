package io.parley.dashboard.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.parley.workspace.BrowserSignIn.WorkspaceChoice;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

/**
 * The signed-in member as every page's layout shows them: name, role, the workspaces to
 * switch to, and the permissions, which decide what the page offers (the server checks
 * them again on every action).
 */
public record CurrentMember(String userId, String name, String role, String workspaceName,
		List<WorkspaceChoice> workspaces, Set<String> permissions, String availability) {

	static CurrentMember of(Caller caller, String name, String availability, List<WorkspaceChoice> workspaces) {
		String workspaceName = workspaces.stream()
			.filter(WorkspaceChoice::current)
			.map(WorkspaceChoice::name)
			.findFirst()
			.orElse("");
		return new CurrentMember(caller.userId().value().toString(), name, caller.role(), workspaceName, workspaces,
				caller.permissions().stream().map(Permission::value).collect(Collectors.toUnmodifiableSet()),
				availability);
	}

	/** For templates: {@code ${me.can('reports.view')}}. */
	public boolean can(String permission) {
		return this.permissions.contains(permission);
	}

}

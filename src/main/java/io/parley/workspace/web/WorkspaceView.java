package io.parley.workspace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.system.Timestamps;
import io.parley.workspace.Workspace;
import io.parley.workspace.WorkspaceAccess.Entry;

/**
 * A workspace; with the caller's role and membership in listings, and a token for acting
 * in it after creating or switching.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkspaceView(String id, String name, boolean staffSignupOpen, boolean requireTwoFactor, String createdAt,
		String role, Boolean active, String token) {

	static WorkspaceView of(Workspace workspace) {
		return new WorkspaceView(workspace.id().toString(), workspace.name(), workspace.staffSignupOpen(),
				workspace.requireTwoFactor(), Timestamps.format(workspace.createdAt()), null, null, null);
	}

	static WorkspaceView of(Entry entry) {
		Workspace workspace = entry.workspace();
		return new WorkspaceView(workspace.id().toString(), workspace.name(), workspace.staffSignupOpen(),
				workspace.requireTwoFactor(), Timestamps.format(workspace.createdAt()), entry.member().role().name(),
				entry.member().active(), entry.token());
	}

}

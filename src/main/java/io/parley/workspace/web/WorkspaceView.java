package io.parley.workspace.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.system.Timestamps;
import io.parley.workspace.Workspace;
import io.parley.workspace.WorkspaceAccess.Entry;

/**
 * A workspace; with the caller's role and membership in listings, and the tokens of a
 * session acting in it after creating, switching or joining (as {@link SessionView}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkspaceView(String id, String name, boolean staffSignupOpen, boolean requireTwoFactor, String timeZone,
		String createdAt, String role, Boolean active, String token, Long expiresIn, String expiresAt,
		String refreshToken, String refreshTokenExpiresAt) {

	static WorkspaceView of(Workspace workspace) {
		return new WorkspaceView(workspace.id().toString(), workspace.name(), workspace.staffSignupOpen(),
				workspace.requireTwoFactor(), workspace.timeZone().getId(), Timestamps.format(workspace.createdAt()),
				null, null, null, null, null, null, null);
	}

	static WorkspaceView of(Entry entry) {
		Workspace workspace = entry.workspace();
		SessionView session = (entry.session() != null) ? SessionView.of(entry.session()) : null;
		return new WorkspaceView(workspace.id().toString(), workspace.name(), workspace.staffSignupOpen(),
				workspace.requireTwoFactor(), workspace.timeZone().getId(), Timestamps.format(workspace.createdAt()),
				entry.member().role().name(), entry.member().active(), (session != null) ? session.token() : null,
				(session != null) ? session.expiresIn() : null, (session != null) ? session.expiresAt() : null,
				(session != null) ? session.refreshToken() : null,
				(session != null) ? session.refreshTokenExpiresAt() : null);
	}

	/** Keeps the tokens out of logs and exception messages. */
	@Override
	public String toString() {
		return "WorkspaceView[id=" + this.id + ", tokens redacted]";
	}

}

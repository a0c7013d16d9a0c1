package io.parley.widget.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.widget.AllowedOrigins;
import io.parley.widget.PublicSettings;
import io.parley.widget.VisitorSessions;
import io.parley.widget.VisitorSessions.HostUser;
import io.parley.widget.VisitorSessions.Session;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's public routes, opened by the workspace's widget key from an allowed
 * origin: its configuration, and a visitor's session (their visitor token).
 */
@RestController
class WidgetSessionController {

	private final WidgetKeys keys;

	private final AllowedOrigins origins;

	private final PublicSettings settings;

	private final VisitorSessions sessions;

	WidgetSessionController(WidgetKeys keys, AllowedOrigins origins, PublicSettings settings,
			VisitorSessions sessions) {
		this.keys = keys;
		this.origins = origins;
		this.settings = settings;
		this.sessions = sessions;
	}

	@GetMapping(path = "/api/widget/config", produces = "application/json")
	ApiResponse config(@RequestParam(name = "key", required = false) String key,
			@RequestParam(name = "locale", required = false) String locale, HttpServletRequest request) {
		return ApiResponse.ok(this.settings.of(workspace(key, request), locale));
	}

	@PostMapping(path = "/api/widget/sessions", produces = "application/json")
	ApiResponse open(@Valid @RequestBody SessionRequest body, HttpServletRequest request) {
		WorkspaceId workspace = workspace(body.key(), request);
		Session session = this.sessions.open(workspace, body.visitorId(), body.hostUser());
		return ApiResponse.ok(new SessionView(session.visitorToken(), session.visitorId(),
				Timestamps.format(session.expiresAt()), session.contact(), session.conversations()));
	}

	private WorkspaceId workspace(String key, HttpServletRequest request) {
		WorkspaceId workspace = this.keys.workspaceOf(key).orElseThrow(ErrorCode.WIDGET_NOT_FOUND::exception);
		if (!this.origins.allows(workspace, request)) {
			throw ErrorCode.ORIGIN_NOT_ALLOWED.exception();
		}
		return workspace;
	}

	record SessionRequest(@NotBlank @Size(max = 64) String key, @Size(max = 100) String visitorId,
			@Valid HostUserRequest user, Object context) {

		HostUser hostUser() {
			return (this.user != null) ? this.user.toHostUser() : null;
		}

	}

	record HostUserRequest(@Size(max = 255) String id, @Size(max = 200) String name, @Size(max = 254) String email,
			@Size(max = 40) String phone, @Size(max = 2000) String avatarUrl, @Size(max = 128) String identityHash) {

		HostUser toHostUser() {
			return new HostUser(this.id, this.name, this.email, this.phone, this.avatarUrl, this.identityHash);
		}

	}

	record SessionView(String visitorToken, String visitorId, String expiresAt, VisitorSessions.ContactView contact,
			Object conversations) {

		/** Keeps the visitor token out of logs and exception messages. */
		@Override
		public String toString() {
			return "SessionView[visitorId=" + this.visitorId + ", expiresAt=" + this.expiresAt + ", token redacted]";
		}

	}

}

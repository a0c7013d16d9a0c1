package io.parley.workspace.web;

import io.parley.system.ApiResponse;
import io.parley.workspace.Sessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A session after log-in: its refresh token gets the next pair of tokens, or ends it. The
 * refresh token is the credential, so neither route needs an access token (which may have
 * expired).
 */
@RestController
@RequestMapping(path = "/auth", produces = "application/json")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/refresh")
	ApiResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return ApiResponse.ok(SessionView.of(this.sessions.refresh(request.refreshToken())));
	}

	@PostMapping("/logout")
	ApiResponse logOut(@Valid @RequestBody RefreshRequest request) {
		this.sessions.end(request.refreshToken());
		return ApiResponse.ok(new LoggedOut(true));
	}

	record RefreshRequest(@NotNull String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[refreshToken redacted]";
		}

	}

	record LoggedOut(boolean loggedOut) {
	}

}

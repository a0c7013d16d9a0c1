package io.parley.dashboard.web;

import java.time.Duration;

import io.parley.dashboard.DashboardLanguage;
import io.parley.dashboard.DashboardSession;
import io.parley.workspace.BrowserSignIn;
import io.parley.workspace.Caller;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace switcher: the session moves to another of the member's workspaces. */
@Controller
class WorkspaceSwitchController {

	private final BrowserSignIn signIn;

	private final Duration idleTimeout;

	private final DashboardLanguage language;

	WorkspaceSwitchController(BrowserSignIn signIn, @Value("${parley.app.session-timeout}") Duration idleTimeout,
			DashboardLanguage language) {
		this.language = language;
		this.signIn = signIn;
		this.idleTimeout = idleTimeout;
	}

	@PostMapping("/app/workspace")
	String switchTo(Caller caller, @RequestParam(defaultValue = "") String workspaceId, HttpServletRequest request) {
		DashboardSession.signIn(request, this.signIn.switchTo(caller, workspaceId), this.idleTimeout);
		this.language.signedIn(request, caller.userId());
		return "redirect:/app/inbox";
	}

}

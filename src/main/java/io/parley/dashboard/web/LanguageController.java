package io.parley.dashboard.web;

import io.parley.dashboard.DashboardLanguage;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's language menu: the member's choice for the dashboard, kept for their
 * account, and the page they were on shown again in it.
 */
@Controller
class LanguageController {

	private final DashboardLanguage language;

	LanguageController(DashboardLanguage language) {
		this.language = language;
	}

	@PostMapping("/app/language")
	String choose(Caller caller, @RequestParam(defaultValue = "") String language,
			@RequestParam(defaultValue = "/app/inbox") String back, HttpServletRequest request) {
		if (!this.language.choose(request, caller.userId(), language)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		// back to a dashboard page only, never to another site
		boolean local = back.startsWith("/app/") && !back.startsWith("//") && !back.contains("\\")
				&& back.length() < 500;
		return "redirect:" + (local ? back : "/app/inbox");
	}

}

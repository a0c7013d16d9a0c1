package io.parley.dashboard.web;

import java.time.Duration;

import io.parley.dashboard.DashboardLanguage;
import io.parley.dashboard.DashboardSession;
import io.parley.identity.TwoFactorEnrolment;
import io.parley.identity.UserId;
import io.parley.system.ParleyException;
import io.parley.workspace.BrowserSignIn;
import io.parley.workspace.BrowserSignIn.Step;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the dashboard: email and password, then the second factor when the
 * account has one or the workspace requires it (set up on the spot in that case).
 */
@Controller
class SignInController {

	private final BrowserSignIn signIn;

	private final Duration idleTimeout;

	private final DashboardLanguage language;

	SignInController(BrowserSignIn signIn, @Value("${parley.app.session-timeout}") Duration idleTimeout,
			DashboardLanguage language) {
		this.language = language;
		this.signIn = signIn;
		this.idleTimeout = idleTimeout;
	}

	@GetMapping("/app/login")
	String form() {
		return "app/login";
	}

	@PostMapping("/app/login")
	String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, Model model) {
		model.addAttribute("email", email);
		try {
			return next(this.signIn.signIn(email, password), request, model);
		}
		catch (ParleyException ex) {
			model.addAttribute("failure", ex.code());
			return "app/login";
		}
	}

	@PostMapping("/app/login/two-factor")
	String secondStep(@RequestParam(defaultValue = "") String challenge, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "false") boolean enrolment, HttpServletRequest request, Model model) {
		try {
			return next(this.signIn.complete(challenge, code.replace(" ", "")), request, model);
		}
		catch (ParleyException ex) {
			model.addAttribute("failure", ex.code());
			model.addAttribute("challenge", challenge);
			model.addAttribute("enrolment", enrolment);
			return "app/two-factor";
		}
	}

	private String next(Step step, HttpServletRequest request, Model model) {
		if (step.secondStepNeeded()) {
			model.addAttribute("challenge", step.challenge());
			model.addAttribute("enrolment", step.enrolment());
			if (step.enrolment()) {
				TwoFactorEnrolment enrolment = this.signIn.enrol(step.challenge());
				model.addAttribute("secret", enrolment.secret());
				model.addAttribute("otpauthUri", enrolment.uri());
			}
			return "app/two-factor";
		}
		DashboardSession.signIn(request, step.signedIn(), this.idleTimeout);
		this.language.signedIn(request, UserId.parse(step.signedIn().user()).orElseThrow());
		if (!step.backupCodes().isEmpty()) {
			model.addAttribute("backupCodes", step.backupCodes());
			return "app/backup-codes";
		}
		return "redirect:/app/inbox";
	}

}

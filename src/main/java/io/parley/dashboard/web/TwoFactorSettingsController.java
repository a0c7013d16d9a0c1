package io.parley.dashboard.web;

import java.util.List;
import java.util.function.Function;

import io.parley.identity.TwoFactorEnrolment;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.TwoFactorSettings;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's own second factor, through {@link TwoFactorSettings} as
 * {@code /api/account/two-factor}: turn it on (the key as a QR code and as text,
 * confirmed by a code; the backup codes shown once), new backup codes, and off with a
 * current code unless a workspace of theirs requires it (decision 98). The key is shown
 * only in the answer that made it: a wrong code asks again for the code of the app it was
 * added to.
 */
@Controller
class TwoFactorSettingsController {

	private static final String PAGE = "app/settings-two-factor";

	private final TwoFactorSettings settings;

	private final FormRefusal refusal;

	TwoFactorSettingsController(TwoFactorSettings settings, FormRefusal refusal) {
		this.settings = settings;
		this.refusal = refusal;
	}

	@GetMapping("/app/settings/two-factor")
	String page(Caller caller, Model model) {
		return page(caller, "status", model);
	}

	@PostMapping("/app/settings/two-factor/start")
	String start(Caller caller, Model model, HttpServletResponse response) {
		TwoFactorEnrolment enrolment;
		try {
			enrolment = this.settings.start(caller);
		}
		catch (ParleyException ex) {
			this.refusal.because(ex.code(), "start", model, response);
			return page(caller, "status", model);
		}
		model.addAttribute("secret", enrolment.secret());
		model.addAttribute("otpauthUri", enrolment.uri());
		model.addAttribute("qr", QrCode.of(enrolment.uri()));
		return page(caller, "confirm", model);
	}

	@PostMapping("/app/settings/two-factor/confirm")
	String confirm(Caller caller, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletResponse response) {
		return withCode(caller, code, "confirm", (given) -> this.settings.confirm(caller, given), model, response);
	}

	@PostMapping("/app/settings/two-factor/backup-codes")
	String replaceBackupCodes(Caller caller, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletResponse response) {
		return withCode(caller, code, "status", (given) -> this.settings.replaceBackupCodes(caller, given), model,
				response, "backupCode");
	}

	@PostMapping("/app/settings/two-factor/disable")
	String disable(Caller caller, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletResponse response) {
		try {
			this.settings.disable(caller, normalized(code));
		}
		catch (ParleyException ex) {
			this.refusal.because(ex.code(), "disableCode", model, response);
			return page(caller, "status", model);
		}
		return "redirect:/app/settings/two-factor?disabled";
	}

	private String withCode(Caller caller, String code, String step, Function<String, List<String>> use, Model model,
			HttpServletResponse response) {
		return withCode(caller, code, step, use, model, response, "code");
	}

	private String withCode(Caller caller, String code, String step, Function<String, List<String>> use, Model model,
			HttpServletResponse response, String field) {
		List<String> backupCodes;
		try {
			backupCodes = use.apply(normalized(code));
		}
		catch (ParleyException ex) {
			this.refusal.because(ex.code(), field, model, response);
			return page(caller, step, model);
		}
		model.addAttribute("backupCodes", backupCodes);
		return page(caller, "codes", model);
	}

	private String page(Caller caller, String step, Model model) {
		model.addAttribute("step", step);
		model.addAttribute("status", this.settings.status(caller));
		model.addAttribute("required", this.settings.requiredOf(caller));
		return PAGE;
	}

	private static String normalized(String code) {
		return code.replace(" ", "");
	}

}

package io.parley.workspace.web;

import java.util.List;

import io.parley.identity.TwoFactorEnrolment;
import io.parley.system.ApiResponse;
import io.parley.workspace.Caller;
import io.parley.workspace.TwoFactorSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own second factor (TOTP): any signed-in account, for itself only.
 */
@RestController
@RequestMapping(path = "/api/account/two-factor", produces = "application/json")
class TwoFactorController {

	private final TwoFactorSettings settings;

	TwoFactorController(TwoFactorSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	ApiResponse status(Caller caller) {
		return ApiResponse.ok(this.settings.status(caller));
	}

	@PostMapping
	ApiResponse start(Caller caller) {
		TwoFactorEnrolment enrolment = this.settings.start(caller);
		return ApiResponse.ok(new EnrolmentView(enrolment.secret(), enrolment.uri()));
	}

	@PostMapping("/confirm")
	ApiResponse confirm(Caller caller, @Valid @RequestBody CodeRequest request) {
		return ApiResponse.ok(new Confirmed(true, this.settings.confirm(caller, request.code())));
	}

	@PostMapping("/backup-codes")
	ApiResponse replaceBackupCodes(Caller caller, @Valid @RequestBody CodeRequest request) {
		return ApiResponse.ok(new Confirmed(true, this.settings.replaceBackupCodes(caller, request.code())));
	}

	@DeleteMapping
	ApiResponse disable(Caller caller, @Valid @RequestBody CodeRequest request) {
		this.settings.disable(caller, request.code());
		return ApiResponse.ok(new TwoFactorSettings.Status(false, 0));
	}

	record CodeRequest(@NotBlank @Size(max = 40) String code) {
		/** Keeps the secrets out of logs and exception messages. */
		@Override
		public String toString() {
			return "CodeRequest[secrets redacted]";
		}

	}

	record Confirmed(boolean enabled, List<String> backupCodes) {
		/** Keeps the secrets out of logs and exception messages. */
		@Override
		public String toString() {
			return "Confirmed[secrets redacted]";
		}

	}

}

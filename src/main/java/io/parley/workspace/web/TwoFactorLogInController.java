package io.parley.workspace.web;

import io.parley.identity.TwoFactorEnrolment;
import io.parley.system.ApiResponse;
import io.parley.workspace.TwoFactorLogIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second step of a log-in, with the challenge {@code POST /auth/login} answered:
 * public, the challenge is the credential.
 */
@RestController
@RequestMapping(path = "/auth/login/two-factor", produces = "application/json")
class TwoFactorLogInController {

	private final TwoFactorLogIn twoFactor;

	TwoFactorLogInController(TwoFactorLogIn twoFactor) {
		this.twoFactor = twoFactor;
	}

	@PostMapping
	ApiResponse complete(@Valid @RequestBody CodeRequest request) {
		return ApiResponse.ok(LogInView.of(this.twoFactor.complete(request.challenge(), request.code())));
	}

	/** For a workspace that requires a second factor of a member who has none yet. */
	@PostMapping("/enrolment")
	ApiResponse enrol(@Valid @RequestBody EnrolmentRequest request) {
		TwoFactorEnrolment enrolment = this.twoFactor.enrol(request.challenge());
		return ApiResponse.ok(new EnrolmentView(enrolment.secret(), enrolment.uri()));
	}

	record CodeRequest(@NotBlank @Size(max = 100) String challenge, @NotBlank @Size(max = 40) String code) {
	}

	record EnrolmentRequest(@NotBlank @Size(max = 100) String challenge) {
	}

}

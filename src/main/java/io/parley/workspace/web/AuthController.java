package io.parley.workspace.web;

import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.LogIn;
import io.parley.workspace.Registration;
import io.parley.workspace.Role;
import io.parley.workspace.SignUp;
import io.parley.workspace.WorkspaceId;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/auth", produces = "application/json")
class AuthController {

	private final SignUp signUp;

	private final LogIn logIn;

	private final UserDirectory directory;

	AuthController(SignUp signUp, LogIn logIn, UserDirectory directory) {
		this.signUp = signUp;
		this.logIn = logIn;
		this.directory = directory;
	}

	@PostMapping("/signup")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse signUp(@Nullable Caller caller, @Valid @RequestBody SignUpRequest request) {
		Role role = Role.parse(request.role()).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		Registration registration = new Registration(request.name(), request.email(), request.password(), role,
				request.supervisorId());
		return ApiResponse.ok(UserView.of(this.signUp.register(registration, caller), role.value()));
	}

	@PostMapping("/login")
	ApiResponse logIn(@Valid @RequestBody LogInRequest request) {
		WorkspaceId workspace = (request.workspaceId() != null)
				? WorkspaceId.parse(request.workspaceId()).orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception)
				: null;
		return ApiResponse.ok(LogInView.of(this.logIn.logIn(request.email(), request.password(), workspace)));
	}

	@GetMapping("/me")
	ApiResponse me(Caller caller) {
		UserAccount account = this.directory.find(caller.userId()).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
		return ApiResponse.ok(UserView.of(account, caller.role()));
	}

}

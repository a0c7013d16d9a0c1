package io.parley.workspace.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import io.parley.workspace.WorkspaceAccess;
import io.parley.workspace.WorkspaceAccess.Entry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workspaces: create one, list one's own, switch the one a token acts in, read and change
 * the current one.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class WorkspaceController {

	private final WorkspaceAccess access;

	WorkspaceController(WorkspaceAccess access) {
		this.access = access;
	}

	/**
	 * With a token, the caller becomes the new workspace's owner; without one, the body's
	 * {@code owner} account is created for it.
	 */
	@PostMapping("/workspaces")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse create(@Nullable Caller caller, @Valid @RequestBody CreateRequest request) {
		Entry entry;
		if (caller != null) {
			entry = this.access.create(caller.userId(), request.name());
		}
		else if (request.owner() != null) {
			NewOwner owner = request.owner();
			entry = this.access.create(owner.name(), owner.email(), owner.password(), request.name());
		}
		else {
			throw ErrorCode.UNAUTHORIZED.exception();
		}
		return ApiResponse.ok(WorkspaceView.of(entry));
	}

	@GetMapping("/workspaces")
	ApiResponse mine(Caller caller, @RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return ApiResponse.ok(this.access.of(caller.userId(), cursor, limit).map(WorkspaceView::of));
	}

	@PostMapping("/workspaces/{id}/switch")
	ApiResponse switchTo(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(WorkspaceView.of(this.access.switchTo(caller, id)));
	}

	@GetMapping("/workspace")
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse current(Caller caller) {
		return ApiResponse.ok(WorkspaceView.of(this.access.current(caller)));
	}

	@PatchMapping("/workspace")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse update(Caller caller, @Valid @RequestBody UpdateRequest request) {
		return ApiResponse.ok(WorkspaceView.of(this.access.update(caller, request.name(), request.staffSignupOpen(),
				request.requireTwoFactor(), request.timeZone())));
	}

	record CreateRequest(@NotBlank @Size(max = 200) String name, @Valid NewOwner owner) {
	}

	record NewOwner(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotNull @Size(min = 6, max = 72) String password) {
	}

	record UpdateRequest(@Size(min = 1, max = 200) String name, Boolean staffSignupOpen, Boolean requireTwoFactor,
			@Size(min = 1, max = 60) String timeZone) {
	}

}

package io.parley.workspace.web;

import java.util.List;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.AgentProfile;
import io.parley.workspace.Availability;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberAdministration;
import io.parley.workspace.MemberChange;
import io.parley.workspace.MemberPage;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's workspace. Editing a member has no permission on the route:
 * what it needs depends on the fields sent, so {@link MemberAdministration} checks it.
 */
@RestController
@RequestMapping(path = "/api/members", produces = "application/json")
class MemberController {

	private final MemberAdministration members;

	MemberController(MemberAdministration members) {
		this.members = members;
	}

	@GetMapping
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse list(Caller caller, @RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + MemberAdministration.DEFAULT_PAGE_SIZE) @Min(1) @Max(100) int limit) {
		MemberPage page = this.members.members(caller, cursor, limit);
		return ApiResponse.ok(new PageView(page.items().stream().map(MemberView::of).toList(), page.nextCursor()));
	}

	@GetMapping("/{userId}")
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse show(Caller caller, @PathVariable String userId) {
		return ApiResponse.ok(MemberView.of(this.members.member(caller, userId)));
	}

	@PatchMapping("/{userId}")
	ApiResponse change(Caller caller, @PathVariable String userId, @Valid @RequestBody ChangeRequest request) {
		MemberChange change = new MemberChange(request.role(), request.customRoleId(), request.supervisorId(),
				request.displayName(), request.avatarUrl(), request.maxConcurrent());
		return ApiResponse.ok(MemberView.of(this.members.change(caller, userId, change)));
	}

	@PostMapping("/{userId}/deactivate")
	@RequiresPermission(Permission.MANAGE_MEMBERS)
	ApiResponse deactivate(Caller caller, @PathVariable String userId) {
		return ApiResponse.ok(MemberView.of(this.members.deactivate(caller, userId)));
	}

	@PostMapping("/{userId}/activate")
	@RequiresPermission(Permission.MANAGE_MEMBERS)
	ApiResponse activate(Caller caller, @PathVariable String userId) {
		return ApiResponse.ok(MemberView.of(this.members.activate(caller, userId)));
	}

	@DeleteMapping("/{userId}")
	@RequiresPermission(Permission.MANAGE_MEMBERS)
	ApiResponse remove(Caller caller, @PathVariable String userId) {
		this.members.remove(caller, userId);
		return ApiResponse.ok(new Removed(userId, true));
	}

	@PutMapping("/me/availability")
	ApiResponse availability(Caller caller, @Valid @RequestBody AvailabilityRequest request) {
		Availability availability = Availability.parse(request.availability())
			.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		return ApiResponse.ok(MemberView.of(this.members.setAvailability(caller, availability)));
	}

	record ChangeRequest(@Size(max = 20) String role, @Size(max = 100) String customRoleId,
			@Size(max = 100) String supervisorId, @Size(max = MemberChange.MAX_DISPLAY_NAME) String displayName,
			@Size(max = MemberChange.MAX_AVATAR_URL) String avatarUrl,
			@Min(1) @Max(AgentProfile.MAX_CONCURRENT_LIMIT) Integer maxConcurrent) {
	}

	record AvailabilityRequest(@NotNull String availability) {
	}

	record Removed(String userId, boolean removed) {
	}

	record PageView(List<MemberView> items, String nextCursor) {
	}

}

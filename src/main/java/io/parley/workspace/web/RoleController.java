package io.parley.workspace.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parley.system.ApiResponse;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import io.parley.workspace.RoleCatalog;
import io.parley.workspace.RolePage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roles of the caller's workspace, built-in and custom, and the permissions they are
 * made of.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class RoleController {

	private final RoleCatalog catalog;

	RoleController(RoleCatalog catalog) {
		this.catalog = catalog;
	}

	/** The built-in roles, then the workspace's own, oldest first. */
	@GetMapping("/roles")
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse list(Caller caller, @RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		RolePage page = this.catalog.roles(caller, cursor, limit);
		List<RoleView> roles = new ArrayList<>();
		page.builtIn().stream().map(RoleView::of).forEach(roles::add);
		page.custom().stream().map(RoleView::of).forEach(roles::add);
		return ApiResponse.ok(new Page<>(roles, page.nextCursor()));
	}

	@PostMapping("/roles")
	@RequiresPermission(Permission.MANAGE_ROLES)
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse create(Caller caller, @Valid @RequestBody RoleRequest request) {
		return ApiResponse.ok(RoleView.of(this.catalog.create(caller, request.name(), request.permissions())));
	}

	@PutMapping("/roles/{id}")
	@RequiresPermission(Permission.MANAGE_ROLES)
	ApiResponse update(Caller caller, @PathVariable String id, @Valid @RequestBody RoleRequest request) {
		return ApiResponse.ok(RoleView.of(this.catalog.update(caller, id, request.name(), request.permissions())));
	}

	@DeleteMapping("/roles/{id}")
	@RequiresPermission(Permission.MANAGE_ROLES)
	ApiResponse delete(Caller caller, @PathVariable String id) {
		this.catalog.delete(caller, id);
		return ApiResponse.ok(new Deleted(id, true));
	}

	@GetMapping("/permissions")
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse permissions() {
		return ApiResponse.ok(Arrays.stream(Permission.values())
			.map((permission) -> new PermissionView(permission.value(), permission.description()))
			.toList());
	}

	/** The name is checked once trimmed, by the catalog: 1 to 50 characters. */
	record RoleRequest(@NotNull @Size(max = 200) String name,
			@NotNull @Size(max = 100) List<@NotNull String> permissions) {
	}

	record PermissionView(String name, String description) {
	}

	record Deleted(String id, boolean deleted) {
	}

}

package io.parley.widget.web;

import io.parley.system.ApiResponse;
import io.parley.widget.ChatSettings;
import io.parley.widget.ChatSettingsStore;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed 001's {@code GET/PUT /api/chat/settings}, for the caller's workspace. */
@RestController
@RequestMapping(path = "/api/chat/settings", produces = "application/json")
class ChatSettingsController {

	private final ChatSettingsStore settings;

	ChatSettingsController(ChatSettingsStore settings) {
		this.settings = settings;
	}

	@GetMapping
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse get(Caller caller) {
		return ApiResponse.ok(this.settings.of(caller.workspaceId()));
	}

	@PutMapping
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse replace(Caller caller, @Valid @RequestBody ChatSettings request) {
		return ApiResponse.ok(this.settings.replace(caller.workspaceId(), request));
	}

}

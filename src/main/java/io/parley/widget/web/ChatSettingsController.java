package io.parley.widget.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.system.ApiResponse;
import io.parley.widget.ChatSettings;
import io.parley.widget.ChatSettingsStore;
import io.parley.widget.IdentitySecrets;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 001's {@code GET/PUT /api/chat/settings}, for the caller's workspace, with the
 * widget's settings (issue 11, decision 63): the answer also carries the public
 * {@code widgetKey} and {@code warnings}; the key and the identity secret are rotated by
 * their own routes.
 */
@RestController
@RequestMapping(path = "/api/chat/settings", produces = "application/json")
class ChatSettingsController {

	static final String EVERY_SITE = "Every website may embed this widget: add allowed domains";

	private final ChatSettingsStore settings;

	private final WidgetKeys keys;

	private final IdentitySecrets secrets;

	private final JsonMapper json;

	ChatSettingsController(ChatSettingsStore settings, WidgetKeys keys, IdentitySecrets secrets, JsonMapper json) {
		this.settings = settings;
		this.keys = keys;
		this.secrets = secrets;
		this.json = json;
	}

	@GetMapping
	@RequiresPermission(Permission.VIEW_WORKSPACE)
	ApiResponse get(Caller caller) {
		return ApiResponse.ok(view(caller, this.settings.of(caller.workspaceId())));
	}

	@PutMapping
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse replace(Caller caller, @Valid @RequestBody ChatSettings request) {
		return ApiResponse.ok(view(caller, this.settings.replace(caller.workspaceId(), request)));
	}

	/** A new public key; the old one stops working at once. */
	@PostMapping("/widget-key")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse rotateKey(Caller caller) {
		return ApiResponse.ok(Map.of("widgetKey", this.keys.rotate(caller.workspaceId())));
	}

	/** The secret of the identity hashes, for the host site's server. */
	@GetMapping("/identity-secret")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse identitySecret(Caller caller) {
		return ApiResponse.ok(Map.of("identitySecret", this.secrets.secretOf(caller.workspaceId())));
	}

	/** A new secret; hashes made with the old one fail from now on. */
	@PostMapping("/identity-secret")
	@RequiresPermission(Permission.MANAGE_SETTINGS)
	ApiResponse rotateIdentitySecret(Caller caller) {
		return ApiResponse.ok(Map.of("identitySecret", this.secrets.rotate(caller.workspaceId())));
	}

	private Map<String, Object> view(Caller caller, ChatSettings settings) {
		Map<String, Object> view = new LinkedHashMap<>(
				this.json.convertValue(settings, new TypeReference<Map<String, Object>>() {
				}));
		view.put("widgetKey", this.keys.keyOf(caller.workspaceId()));
		view.put("warnings", settings.origins().isEmpty() ? List.of(EVERY_SITE) : List.of());
		return view;
	}

}

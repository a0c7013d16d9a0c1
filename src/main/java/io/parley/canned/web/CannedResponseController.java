package io.parley.canned.web;

import java.util.Map;

import io.parley.canned.CannedResponseEdit;
import io.parley.canned.CannedResponses;
import io.parley.system.ApiResponse;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The canned responses the caller sees: the workspace's shared ones and their own private
 * ones (decision 81), and a body filled for a conversation (decision 82).
 */
@RestController
@RequestMapping(path = "/api/canned-responses", produces = "application/json")
class CannedResponseController {

	private final CannedResponses responses;

	CannedResponseController(CannedResponses responses) {
		this.responses = responses;
	}

	@GetMapping
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse list(Caller caller, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return ApiResponse.ok(this.responses.list(caller, q, cursor, limit).map(CannedResponseView::of));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse create(Caller caller, @RequestBody CannedResponseEdit request) {
		return ApiResponse.ok(CannedResponseView.of(this.responses.create(caller, request)));
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(CannedResponseView.of(this.responses.get(caller, id)));
	}

	@PatchMapping("/{id}")
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse edit(Caller caller, @PathVariable String id, @RequestBody CannedResponseEdit request) {
		return ApiResponse.ok(CannedResponseView.of(this.responses.edit(caller, id, request)));
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse delete(Caller caller, @PathVariable String id) {
		String deleted = this.responses.delete(caller, id).id().toString();
		return ApiResponse.ok(Map.of("id", deleted, "deleted", true));
	}

	@PostMapping("/{id}/render")
	@RequiresPermission(Permission.USE_CANNED_RESPONSES)
	ApiResponse render(Caller caller, @PathVariable String id, @Valid @RequestBody RenderRequest request) {
		return ApiResponse.ok(Map.of("id", id, "body", this.responses.render(caller, id, request.conversationId())));
	}

	record RenderRequest(@NotNull String conversationId) {
	}

}

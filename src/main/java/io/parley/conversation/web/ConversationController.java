package io.parley.conversation.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.conversation.Conversation;
import io.parley.conversation.Conversation.Context;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.MessageLog;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's conversation routes.
 */
@RestController
@RequestMapping(path = "/conversations", produces = "application/json")
class ConversationController {

	private final ConversationLifecycle lifecycle;

	private final MessageLog messages;

	ConversationController(ConversationLifecycle lifecycle, MessageLog messages) {
		this.lifecycle = lifecycle;
		this.messages = messages;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.START_CONVERSATION)
	ApiResponse start(Caller caller, @Valid @RequestBody StartRequest request) {
		Conversation conversation = this.lifecycle.start(caller, request.supervisorId(), Context.NONE);
		return ApiResponse.ok(new StartedView(conversation.id().toString(), conversation.status().value(),
				ConversationSummaryView.text(conversation.supervisorId())));
	}

	@PostMapping("/{id}/assign")
	@RequiresPermission(Permission.ASSIGN_CONVERSATION)
	ApiResponse assign(Caller caller, @PathVariable String id, @Valid @RequestBody AssignRequest request) {
		Conversation conversation = this.lifecycle.assign(caller, idOf(id), request.agentId(), null);
		return ApiResponse.ok(new AssignedView(conversation.id().toString(), conversation.agentId().toString(),
				ConversationSummaryView.text(conversation.supervisorId())));
	}

	@GetMapping("/{id}")
	ApiResponse get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(ConversationView.of(this.messages.transcript(caller, idOf(id))));
	}

	@PostMapping("/{id}/close")
	@RequiresPermission(Permission.CLOSE_OPEN_CONVERSATION)
	ApiResponse close(Caller caller, @PathVariable String id) {
		Conversation conversation = this.lifecycle.close(caller, idOf(id));
		return ApiResponse.ok(new ClosedView(conversation.id().toString(), conversation.status().value()));
	}

	private static ConversationId idOf(String id) {
		return ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

	record StartRequest(@NotBlank @Size(max = 100) String supervisorId) {
	}

	record AssignRequest(@NotBlank @Size(max = 100) String agentId) {
	}

	@JsonPropertyOrder({ "_id", "status", "supervisorId" })
	record StartedView(@JsonProperty("_id") String id, String status, String supervisorId) {
	}

	record AssignedView(String conversationId, String agentId, String supervisorId) {
	}

	record ClosedView(String conversationId, String status) {
	}

}

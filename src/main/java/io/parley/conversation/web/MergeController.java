package io.parley.conversation.web;

import io.parley.conversation.ConversationHistory;
import io.parley.conversation.ConversationHistory.HistoryPage;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationMerges;
import io.parley.conversation.Inbox;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.parley.conversation.web.InboxController.idOf;

/**
 * Merging a contact's conversations into one, and the history that interleaves them
 * (decisions 84 and 85).
 */
@RestController
@RequestMapping(path = { "/api/conversations/{id}", "/api/chat/conversations/{id}" }, produces = "application/json")
class MergeController {

	private static final int MAX_PAGE = 100;

	private final ConversationMerges merges;

	private final ConversationHistory history;

	private final Inbox inbox;

	MergeController(ConversationMerges merges, ConversationHistory history, Inbox inbox) {
		this.merges = merges;
		this.history = history;
		this.inbox = inbox;
	}

	/** Merges the conversation the body names into this one, which it closes. */
	@PostMapping("/merge")
	@RequiresPermission(Permission.UPDATE_CONVERSATION)
	ApiResponse merge(Caller caller, @PathVariable String id, @Valid @RequestBody MergeRequest request) {
		ConversationId into = idOf(id);
		this.merges.merge(caller, into, idOf(request.conversationId()));
		return ApiResponse.ok(ConversationDetailsView.of(this.inbox.details(caller, into)));
	}

	/** The newest messages of this and the merged conversations, or those before. */
	@GetMapping("/history")
	ApiResponse history(Caller caller, @PathVariable String id, @RequestParam(required = false) String before,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_PAGE || (before != null && before.length() > 200)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		HistoryPage page = this.history.page(caller, idOf(id), before, limit);
		return ApiResponse
			.ok(new PageView<>(page.messages().stream().map(MessageView::of).toList(), page.nextCursor()));
	}

	/**
	 * @param conversationId the conversation merged into this one
	 */
	record MergeRequest(@NotBlank @Size(max = 100) String conversationId) {
	}

}

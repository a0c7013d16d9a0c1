package io.parley.email.web;

import java.util.Map;

import io.parley.email.MailedReplies;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a mailed reply again that was not delivered: for those who may write in its
 * conversation and see it.
 */
@RestController
class MailedReplyController {

	private final MailedReplies replies;

	MailedReplyController(MailedReplies replies) {
		this.replies = replies;
	}

	@PostMapping(path = "/api/conversations/{id}/messages/{sequence}/retry-delivery", produces = "application/json")
	@RequiresPermission(Permission.TAKE_PART_IN_CONVERSATION)
	ApiResponse retry(Caller caller, @PathVariable String id, @PathVariable String sequence) {
		long number;
		try {
			number = Long.parseLong(sequence);
		}
		catch (NumberFormatException ex) {
			throw ErrorCode.MESSAGE_NOT_FOUND.exception();
		}
		return ApiResponse.ok(Map.of("conversationId", id, "sequence", number, "delivery",
				this.replies.retry(caller, id, number).value()));
	}

}

package io.parley.dashboard.web;

import io.parley.conversation.ConversationDeletion;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conversation page's "Delete": the same use case as {@code DELETE
 * /api/conversations/{id}} (decision 108), which checks {@code conversations.delete};
 * asked for again by a box to tick, as it cannot be undone. Back to the inbox after it.
 */
@Controller
class ConversationDeletionController {

	private final ConversationDeletion deletion;

	ConversationDeletionController(ConversationDeletion deletion) {
		this.deletion = deletion;
	}

	@PostMapping("/app/conversations/{id}/delete")
	String delete(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "false") boolean confirmed) {
		if (!confirmed) {
			return "redirect:/app/conversations/" + ConversationPageController.idOf(id);
		}
		this.deletion.delete(caller, ConversationPageController.idOf(id));
		return "redirect:/app/inbox";
	}

}

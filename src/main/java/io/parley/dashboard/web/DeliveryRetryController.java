package io.parley.dashboard.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.email.MailedReplies;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The "Retry" of a mailed reply that was not delivered: the same use case as the REST
 * route, which checks the caller may write in the conversation; answers the reply's new
 * delivery mark, without htmx the page again.
 */
@Controller
class DeliveryRetryController {

	private final MailedReplies replies;

	DeliveryRetryController(MailedReplies replies) {
		this.replies = replies;
	}

	@HxRequest
	@PostMapping("/app/conversations/{id}/messages/{sequence}/retry-delivery")
	String retry(Caller caller, @PathVariable String id, @PathVariable long sequence, Model model) {
		model.addAttribute("state", this.replies.retry(caller, id, sequence).value());
		model.addAttribute("sequence", sequence);
		model.addAttribute("conversationId", ConversationPageController.idOf(id).toString());
		return "app/conversation :: delivery(state=${state},sequence=${sequence},conversationId=${conversationId})";
	}

	@PostMapping("/app/conversations/{id}/messages/{sequence}/retry-delivery")
	String retryWithoutScript(Caller caller, @PathVariable String id, @PathVariable long sequence) {
		this.replies.retry(caller, id, sequence);
		return "redirect:/app/conversations/" + ConversationPageController.idOf(id);
	}

}

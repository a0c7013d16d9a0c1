package io.parley.dashboard.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.conversation.DeliveryState;
import io.parley.email.MailedReplies;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A mailed reply's delivery mark: read again when the page is told it changed
 * ({@code MESSAGE_DELIVERY}), and the "Retry" of one that was not delivered, the same use
 * case as the REST route, which checks the caller may write in the conversation; both
 * answer the mark, a retry without htmx the page again.
 */
@Controller
class DeliveryRetryController {

	private final MailedReplies replies;

	DeliveryRetryController(MailedReplies replies) {
		this.replies = replies;
	}

	@HxRequest
	@GetMapping("/app/conversations/{id}/messages/{sequence}/delivery")
	String delivery(Caller caller, @PathVariable String id, @PathVariable long sequence, Model model) {
		return mark(this.replies.state(caller, id, sequence), id, sequence, model);
	}

	@HxRequest
	@PostMapping("/app/conversations/{id}/messages/{sequence}/retry-delivery")
	String retry(Caller caller, @PathVariable String id, @PathVariable long sequence, Model model) {
		return mark(this.replies.retry(caller, id, sequence), id, sequence, model);
	}

	private static String mark(DeliveryState state, String id, long sequence, Model model) {
		model.addAttribute("state", state.value());
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

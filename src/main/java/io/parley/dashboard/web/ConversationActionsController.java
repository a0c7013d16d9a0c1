package io.parley.dashboard.web;

import java.util.Arrays;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.contact.Contact;
import io.parley.contact.ContactNotebook;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.ConversationMerges;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.Inbox;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageType;
import io.parley.conversation.Priority;
import io.parley.conversation.Triage;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What an agent does on the conversation page: reply or write a note, change the status
 * or the priority, assign. Each calls the same use case as the REST API, which checks the
 * caller's permission, and answers the fragment that changed; without htmx, the page
 * again.
 */
@Controller
class ConversationActionsController {

	/** Twenty tags of fifty characters, with their commas. */
	static final int MAX_TAGS_TEXT = 1100;

	private final MessageLog messages;

	private final Triage triage;

	private final ConversationLifecycle lifecycle;

	private final ConversationPageController page;

	private final Inbox inbox;

	private final ContactNotebook notebook;

	private final ConversationMerges merges;

	ConversationActionsController(MessageLog messages, Triage triage, ConversationLifecycle lifecycle,
			ConversationPageController page, Inbox inbox, ContactNotebook notebook, ConversationMerges merges) {
		this.merges = merges;
		this.messages = messages;
		this.triage = triage;
		this.lifecycle = lifecycle;
		this.page = page;
		this.inbox = inbox;
		this.notebook = notebook;
	}

	@HxRequest
	@PostMapping("/app/conversations/{id}/messages")
	String reply(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String content,
			@RequestParam(defaultValue = "false") boolean note,
			@RequestParam(required = false) @Nullable String clientMessageId,
			@RequestParam(required = false) @Nullable List<String> mentions, Model model) {
		model.addAttribute("messages",
				List.of(MessageRow.of(post(caller, id, content, note, clientMessageId, mentions))));
		return "app/conversation :: rows";
	}

	@PostMapping("/app/conversations/{id}/messages")
	String replyWithoutScript(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String content,
			@RequestParam(defaultValue = "false") boolean note,
			@RequestParam(required = false) @Nullable String clientMessageId,
			@RequestParam(required = false) @Nullable List<String> mentions) {
		post(caller, id, content, note, clientMessageId, mentions);
		return "redirect:/app/conversations/" + ConversationPageController.idOf(id);
	}

	@PostMapping("/app/conversations/{id}/status")
	String status(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String status,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ConversationStatus chosen = ConversationStatus.parse(status)
			.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		ConversationId conversation = ConversationPageController.idOf(id);
		this.triage.update(caller, conversation, chosen, null, null);
		return details(caller, conversation, htmx != null, model);
	}

	@PostMapping("/app/conversations/{id}/priority")
	String priority(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String priority,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Priority chosen = Priority.parse(priority).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		ConversationId conversation = ConversationPageController.idOf(id);
		this.triage.update(caller, conversation, null, chosen, null);
		return details(caller, conversation, htmx != null, model);
	}

	@PostMapping("/app/conversations/{id}/assign")
	String assign(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String agentId,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ConversationId conversation = ConversationPageController.idOf(id);
		this.lifecycle.assign(caller, conversation, agentId, null);
		return details(caller, conversation, htmx != null, model);
	}

	/**
	 * Merges the chosen conversation of the contact into this one (decision 84) and shows
	 * this one again, now with the history of both.
	 */
	@PostMapping("/app/conversations/{id}/merge")
	String merge(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String conversationId) {
		ConversationId conversation = ConversationPageController.idOf(id);
		this.merges.merge(caller, conversation, ConversationPageController.idOf(conversationId));
		return "redirect:/app/conversations/" + conversation;
	}

	@PostMapping("/app/conversations/{id}/tags")
	String tags(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String tags,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		if (tags.length() > MAX_TAGS_TEXT) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		List<String> chosen = Arrays.stream(tags.split(",")).map(String::trim).filter((tag) -> !tag.isEmpty()).toList();
		ConversationId conversation = ConversationPageController.idOf(id);
		this.triage.update(caller, conversation, null, null, chosen);
		return details(caller, conversation, htmx != null, model);
	}

	@PostMapping("/app/conversations/{id}/contact-notes")
	String contactNote(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String content,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ConversationId conversation = ConversationPageController.idOf(id);
		Contact contact = this.inbox.details(caller, conversation).contact();
		if (contact == null) {
			throw ErrorCode.CONTACT_NOT_FOUND.exception();
		}
		this.notebook.write(caller, contact.id().toString(), content);
		return details(caller, conversation, htmx != null, model);
	}

	private Message post(Caller caller, String id, String content, boolean note, @Nullable String clientMessageId,
			@Nullable List<String> mentions) {
		if (content.isBlank() || content.length() > Message.MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String client = (clientMessageId != null && !clientMessageId.isBlank()
				&& clientMessageId.length() <= Message.MAX_CLIENT_ID_LENGTH) ? clientMessageId : null;
		Posted posted = this.messages.post(this.messages.sender(caller), ConversationPageController.idOf(id),
				note ? MessageType.NOTE : MessageType.TEXT, content, client, null,
				(mentions != null && !mentions.isEmpty()) ? mentions : null);
		return posted.message();
	}

	String details(Caller caller, ConversationId conversation, boolean htmx, Model model) {
		if (!htmx) {
			return "redirect:/app/conversations/" + conversation;
		}
		model.addAttribute("conversation", this.page.header(caller, conversation));
		return "app/conversation :: panel";
	}

}

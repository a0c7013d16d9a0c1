package io.parley.dashboard.web;

import java.util.ArrayList;
import java.util.List;

import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.Inbox;
import io.parley.conversation.Triage;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk actions on the inbox's selection: a status, an agent, a tag for every selected
 * conversation. Each conversation is changed by the same use case as one at a time, in
 * its own transaction, so one the caller may not change is counted as refused and the
 * others still change.
 */
@Controller
class BulkActionsController {

	static final int MAX_SELECTION = 100;

	private final Triage triage;

	private final ConversationLifecycle lifecycle;

	private final Inbox inbox;

	private final InboxPageController page;

	BulkActionsController(Triage triage, ConversationLifecycle lifecycle, Inbox inbox, InboxPageController page) {
		this.triage = triage;
		this.lifecycle = lifecycle;
		this.inbox = inbox;
		this.page = page;
	}

	@PostMapping("/app/inbox/bulk")
	String apply(Caller caller, @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(name = "bulkStatus", required = false) @Nullable String status,
			@RequestParam(name = "bulkAgent", required = false) @Nullable String agentId,
			@RequestParam(name = "bulkTag", required = false) @Nullable String tag, InboxParameters parameters,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		List<String> selected = (ids != null) ? ids : List.of();
		if (selected.size() > MAX_SELECTION) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ConversationStatus chosen = (status != null && !status.isBlank())
				? ConversationStatus.parse(status).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception) : null;
		String agent = (agentId != null && !agentId.isBlank()) ? agentId : null;
		String newTag = (tag != null && !tag.isBlank()) ? tag.trim() : null;
		int changed = 0;
		int refused = 0;
		for (String id : selected) {
			try {
				change(caller, ConversationPageController.idOf(id), chosen, agent, newTag);
				changed++;
			}
			catch (ParleyException ex) {
				refused++;
			}
		}
		if (htmx == null) {
			return "redirect:/app/inbox?view=" + parameters.currentView();
		}
		model.addAttribute("bulkChanged", changed);
		model.addAttribute("bulkRefused", refused);
		this.page.list(caller, parameters, model);
		return "app/inbox :: list";
	}

	private void change(Caller caller, ConversationId id, @Nullable ConversationStatus status, @Nullable String agent,
			@Nullable String tag) {
		if (agent != null) {
			this.lifecycle.assign(caller, id, agent, null);
		}
		if (status != null || tag != null) {
			List<String> tags = null;
			if (tag != null) {
				tags = new ArrayList<>(this.inbox.details(caller, id).tags());
				tags.add(tag);
			}
			this.triage.update(caller, id, status, null, tags);
		}
	}

}

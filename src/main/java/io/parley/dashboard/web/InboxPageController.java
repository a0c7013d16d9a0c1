package io.parley.dashboard.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.Inbox;
import io.parley.workspace.Caller;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The inbox page: a view (mine, unassigned, all) with filters and search. The list is
 * also served alone as a fragment, which htmx swaps in when a filter changes and the live
 * script reloads when the socket tells of a change.
 */
@Controller
class InboxPageController {

	static final int PAGE = 50;

	/** The statuses of work still to do: what a view shows unless a status is chosen. */
	static final Set<ConversationStatus> OPEN = EnumSet.of(ConversationStatus.OPEN, ConversationStatus.PENDING,
			ConversationStatus.ASSIGNED, ConversationStatus.WAITING);

	private final Inbox inbox;

	private final MemberDirectory members;

	private final SavedViews views;

	InboxPageController(Inbox inbox, MemberDirectory members, SavedViews views) {
		this.inbox = inbox;
		this.members = members;
		this.views = views;
	}

	@GetMapping("/app")
	String home() {
		return "redirect:/app/inbox";
	}

	@GetMapping("/app/inbox")
	String page(Caller caller, InboxParameters parameters, Model model) {
		list(caller, parameters, model);
		model.addAttribute("savedViews", this.views.of(caller));
		model.addAttribute("currentQuery", parameters.queryString());
		return "app/inbox";
	}

	@HxRequest
	@GetMapping("/app/inbox")
	String fragment(Caller caller, InboxParameters parameters, Model model) {
		list(caller, parameters, model);
		return "app/inbox :: list";
	}

	void list(Caller caller, InboxParameters parameters, Model model) {
		Inbox.Page page = this.inbox.list(caller, parameters.filter(), parameters.cursor(), PAGE,
				parameters.waitingFirst());
		String me = caller.userId().value().toString();
		List<InboxRow> rows = page.items().stream().map((item) -> InboxRow.of(item, me)).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("filters", parameters);
		model.addAttribute("agents",
				caller.can(Permission.ASSIGN_CONVERSATION) ? this.members.members(caller.workspaceId())
					.stream()
					.filter((member) -> member.can(Permission.HANDLE_CONVERSATIONS))
					.toList() : List.of());
	}

}

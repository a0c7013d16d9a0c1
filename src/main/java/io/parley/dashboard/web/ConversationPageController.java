package io.parley.dashboard.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.contact.ContactNotebook;
import io.parley.conversation.Attachments;
import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationAccess;
import io.parley.conversation.ConversationHistory;
import io.parley.conversation.ConversationHistory.HistoryPage;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationSnapshot;
import io.parley.conversation.ConversationSnapshots;
import io.parley.conversation.CustomerConversations;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Inbox;
import io.parley.conversation.Message;
import io.parley.conversation.MessageDeliveries;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageLog.MessagePage;
import io.parley.conversation.Position;
import io.parley.conversation.Snoozes;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conversation page: its newest messages, the older ones a page at a time as the
 * agent scrolls back (so a conversation of 10,000 messages opens as fast as one of ten),
 * and the state and contact beside them. Writing and acting on it are
 * {@link ConversationActionsController}'s.
 */
@Controller
class ConversationPageController {

	static final int PAGE = 50;

	/** Other conversations and notes of the contact shown beside one. */
	static final int PAST = 5;

	private final Inbox inbox;

	private final MessageLog messages;

	private final MemberDirectory members;

	private final CustomerConversations customers;

	private final ContactNotebook notebook;

	private final Snoozes snoozes;

	private final Attachments attachments;

	private final ConversationHistory history;

	private final List<MessageDeliveries> deliveries;

	private final ConversationSnapshots snapshots;

	ConversationPageController(Inbox inbox, MessageLog messages, MemberDirectory members,
			CustomerConversations customers, ContactNotebook notebook, Snoozes snoozes, Attachments attachments,
			ConversationHistory history, List<MessageDeliveries> deliveries, ConversationSnapshots snapshots) {
		this.snapshots = snapshots;
		this.history = history;
		this.deliveries = deliveries;
		this.snoozes = snoozes;
		this.attachments = attachments;
		this.inbox = inbox;
		this.messages = messages;
		this.members = members;
		this.customers = customers;
		this.notebook = notebook;
	}

	@GetMapping("/app/conversations/{id}")
	String page(Caller caller, @PathVariable String id, Model model) {
		ConversationId conversation = idOf(id);
		model.addAttribute("conversation", header(caller, conversation));
		model.addAttribute("maxUploadSize", this.attachments.maxSize());
		history(caller, model, conversation, this.history.page(caller, conversation, null, PAGE));
		return "app/conversation";
	}

	/**
	 * Older messages of the history, with those of the conversations merged into it
	 * (decision 85), before {@code before}, for the scroll-back.
	 */
	@HxRequest
	@GetMapping("/app/conversations/{id}/history")
	String history(Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable String before,
			Model model) {
		ConversationId conversation = idOf(id);
		model.addAttribute("conversationId", conversation.toString());
		history(caller, model, conversation, this.history.page(caller, conversation, before, PAGE));
		return "app/conversation :: older";
	}

	private void history(Caller caller, Model model, ConversationId conversation, HistoryPage page) {
		Map<Long, DeliveryState> delivered = deliveries(caller, conversation);
		boolean byMail = byMail(conversation);
		model.addAttribute("messages",
				page.messages()
					.stream()
					.map((message) -> MessageRow.of(message, conversation, deliveryOf(message, conversation, delivered),
							byMail))
					.toList());
		model.addAttribute("olderCursor", page.nextCursor());
		model.addAttribute("olderPath", "history");
	}

	/** Older messages, before {@code before}, for the scroll-back. */
	@HxRequest
	@GetMapping("/app/conversations/{id}/messages")
	String messages(Caller caller, @PathVariable String id, @RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after, Model model) {
		ConversationId conversation = idOf(id);
		model.addAttribute("conversationId", conversation.toString());
		if (after != null) {
			page(caller, conversation, model, this.messages.page(caller, conversation, position(after), null, PAGE));
			return "app/conversation :: newer";
		}
		page(caller, conversation, model,
				this.messages.page(caller, conversation, null, (before != null) ? position(before) : null, PAGE));
		return "app/conversation :: older";
	}

	/** The state beside the messages, read again when the socket tells of a change. */
	@HxRequest
	@GetMapping("/app/conversations/{id}/details")
	String details(Caller caller, @PathVariable String id, Model model) {
		model.addAttribute("conversation", header(caller, idOf(id)));
		return "app/conversation :: panel";
	}

	ConversationHeader header(Caller caller, ConversationId conversation) {
		Inbox.Details details = this.inbox.details(caller, conversation);
		List<Member> members = this.members.members(caller.workspaceId());
		return ConversationHeader.of(details, members, caller.can(Permission.ASSIGN_CONVERSATION),
				contact(caller, details), this.snoozes.until(caller.workspaceId(), conversation).orElse(null),
				mergeChoices(caller, details));
	}

	/**
	 * The contact's other conversations the caller may merge into this one: none unless
	 * this one is active and was not merged.
	 */
	private List<ConversationHeader.MergeChoice> mergeChoices(Caller caller, Inbox.Details details) {
		Conversation shown = details.conversation();
		if (details.contact() == null || !shown.isActive() || shown.mergedInto() != null) {
			return List.of();
		}
		return this.customers.of(caller.workspaceId(), details.contact().id())
			.stream()
			.filter((other) -> !other.id().equals(shown.id()) && other.isActive() && other.mergedInto() == null
					&& ConversationAccess.mayMerge(caller, other, shown))
			.map(ConversationHeader.MergeChoice::of)
			.toList();
	}

	private ContactPanel contact(Caller caller, Inbox.Details details) {
		if (details.contact() == null) {
			return null;
		}
		List<ContactPanel.PastConversation> others = this.customers.of(caller.workspaceId(), details.contact().id())
			.stream()
			.filter((other) -> !other.id().equals(details.conversation().id()) && other.isVisibleTo(caller))
			.limit(PAST)
			.map(ContactPanel.PastConversation::of)
			.toList();
		boolean notes = caller.can(Permission.MANAGE_CONTACTS);
		List<ContactNotebook.Entry> written = notes
				? this.notebook.notes(caller, details.contact().id().toString(), null, PAST).items() : List.of();
		return ContactPanel.of(details.contact(), others, written, notes, details.rating(), details.attributes());
	}

	private void page(Caller caller, ConversationId conversation, Model model, MessagePage page) {
		Map<Long, DeliveryState> delivered = deliveries(caller, conversation);
		boolean byMail = byMail(conversation);
		List<MessageRow> rows = page.messages()
			.stream()
			.map((message) -> MessageRow.of(message, conversation, deliveryOf(message, conversation, delivered),
					byMail))
			.toList();
		model.addAttribute("messages", rows);
		model.addAttribute("olderCursor", (page.nextCursor() != null) ? page.nextCursor().toString() : null);
		model.addAttribute("olderPath", "messages");
	}

	/**
	 * Whether the conversation is on the email channel, whose customer messages fold
	 * their quotes (decision 113): read after the page's access check, once per page.
	 */
	private boolean byMail(ConversationId conversation) {
		ConversationSnapshot shown = this.snapshots.of(List.of(conversation)).get(conversation);
		return shown != null && shown.channel() == Channel.EMAIL;
	}

	/** What became of the conversation's replies that a channel carried, by sequence. */
	Map<Long, DeliveryState> deliveries(Caller caller, ConversationId conversation) {
		Map<Long, DeliveryState> found = new HashMap<>();
		this.deliveries.forEach((channel) -> found.putAll(channel.of(caller.workspaceId(), conversation)));
		return found;
	}

	private static @Nullable DeliveryState deliveryOf(Message message, ConversationId conversation,
			Map<Long, DeliveryState> delivered) {
		return (message.isInternal() || !message.conversationId().equals(conversation)) ? null
				: delivered.get(message.sequence());
	}

	static ConversationId idOf(String id) {
		return ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

	private static Position position(String text) {
		return Position.parse(text).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
	}

}

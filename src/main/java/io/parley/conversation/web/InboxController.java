package io.parley.conversation.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.parley.conversation.Channel;
import io.parley.conversation.Conversation;
import io.parley.conversation.Conversation.Context;
import io.parley.conversation.ConversationDeletion;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationLifecycle;
import io.parley.conversation.ConversationStatus;
import io.parley.conversation.Inbox;
import io.parley.conversation.InboxFilter;
import io.parley.conversation.InboxFilter.Assignee;
import io.parley.conversation.InboxFilter.Sleep;
import io.parley.conversation.Priority;
import io.parley.conversation.Snoozes;
import io.parley.conversation.Triage;
import io.parley.identity.UserId;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox: conversations listed, opened, triaged and assigned. Served at
 * {@code /api/conversations} and, for seed 001, at {@code /api/chat/conversations}.
 */
@RestController
@RequestMapping(path = { "/api/conversations", "/api/chat/conversations" }, produces = "application/json")
class InboxController {

	private final Inbox inbox;

	private final ConversationLifecycle lifecycle;

	private final Triage triage;

	private final Snoozes snoozes;

	private final ConversationDeletion deletion;

	InboxController(Inbox inbox, ConversationLifecycle lifecycle, Triage triage, Snoozes snoozes,
			ConversationDeletion deletion) {
		this.inbox = inbox;
		this.lifecycle = lifecycle;
		this.triage = triage;
		this.snoozes = snoozes;
		this.deletion = deletion;
	}

	@GetMapping
	ApiResponse list(Caller caller, @RequestParam(required = false) String status,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") int limit, @RequestParam(defaultValue = "activity") String sort,
			@RequestParam(required = false) Boolean snoozed) {
		if (limit < 1 || limit > Inbox.MAX_PAGE || (q != null && q.length() > 200)
				|| !(sort.equals("activity") || sort.equals("waiting"))) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		InboxFilter filter = filter(caller, status, assignee, priority, channel, tag, q, snoozed);
		Inbox.Page page = this.inbox.list(caller, filter, cursor, limit, sort.equals("waiting"));
		return ApiResponse
			.ok(new PageView<>(page.items().stream().map(ConversationSummaryView::of).toList(), page.nextCursor()));
	}

	/**
	 * A candidate asks for help (as {@code POST /conversations}, the supervisor being
	 * optional); a member of the staff opens a conversation with a contact.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse create(Caller caller, @Valid @RequestBody CreateRequest request) {
		Context context = new Context(request.subject(), request.pageUrl(), request.referrer());
		Conversation conversation;
		if (caller.can(Permission.START_CONVERSATION)) {
			conversation = this.lifecycle.start(caller, request.supervisorId(), context);
		}
		else {
			caller.require(Permission.CREATE_CONVERSATION);
			if (request.contactId() == null) {
				throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
			}
			Priority priority = (request.priority() != null) ? parse(Priority.parse(request.priority()))
					: Priority.NORMAL;
			conversation = this.lifecycle.open(caller, request.contactId(), priority, context);
		}
		return ApiResponse.ok(ConversationDetailsView.of(this.inbox.details(caller, conversation.id())));
	}

	@GetMapping("/{id}")
	ApiResponse get(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(ConversationDetailsView.of(this.inbox.details(caller, idOf(id))));
	}

	@PatchMapping("/{id}")
	@RequiresPermission(Permission.UPDATE_CONVERSATION)
	ApiResponse update(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateRequest request) {
		ConversationStatus status = (request.status() != null) ? parse(ConversationStatus.parse(request.status()))
				: null;
		Priority priority = (request.priority() != null) ? parse(Priority.parse(request.priority())) : null;
		ConversationId conversation = idOf(id);
		this.triage.update(caller, conversation, status, priority, request.tags());
		return ApiResponse.ok(ConversationDetailsView.of(this.inbox.details(caller, conversation)));
	}

	/** Deletes the conversation for good (decision 108). */
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.DELETE_CONVERSATIONS)
	ApiResponse delete(Caller caller, @PathVariable String id) {
		this.deletion.delete(caller, idOf(id));
		return ApiResponse.ok(new DeletedView(id, true));
	}

	@PostMapping("/{id}/assign")
	@RequiresPermission(Permission.ASSIGN_CONVERSATION)
	ApiResponse assign(Caller caller, @PathVariable String id, @Valid @RequestBody AssignRequest request) {
		ConversationId conversation = idOf(id);
		this.lifecycle.assign(caller, conversation, request.agentId(), request.reason());
		return ApiResponse.ok(ConversationDetailsView.of(this.inbox.details(caller, conversation)));
	}

	/** Snoozes the conversation until {@code until} (decision 83). */
	@PostMapping("/{id}/snooze")
	@RequiresPermission(Permission.UPDATE_CONVERSATION)
	ApiResponse snooze(Caller caller, @PathVariable String id, @Valid @RequestBody SnoozeRequest request) {
		Instant until;
		try {
			until = OffsetDateTime.parse(request.until()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Instant asleep = this.snoozes.snooze(caller, idOf(id), until);
		return ApiResponse.ok(new SnoozeView(id, Timestamps.format(asleep)));
	}

	/** Wakes the conversation now. */
	@DeleteMapping("/{id}/snooze")
	@RequiresPermission(Permission.UPDATE_CONVERSATION)
	ApiResponse wake(Caller caller, @PathVariable String id) {
		this.snoozes.wake(caller, idOf(id));
		return ApiResponse.ok(new SnoozeView(id, null));
	}

	static ConversationId idOf(String id) {
		return ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
	}

	static <T> T parse(Optional<T> value) {
		return value.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
	}

	private static InboxFilter filter(Caller caller, String status, String assignee, String priority, String channel,
			String tag, String q, Boolean snoozed) {
		Set<ConversationStatus> statuses = EnumSet.noneOf(ConversationStatus.class);
		if (status != null) {
			for (String value : status.split(",")) {
				statuses.add(parse(ConversationStatus.parse(value.trim())));
			}
		}
		Assignee who = null;
		UserId agent = null;
		if (assignee != null) {
			switch (assignee) {
				case "me" -> who = Assignee.ME;
				case "unassigned" -> who = Assignee.UNASSIGNED;
				case "anyone" -> who = Assignee.ANYONE;
				default -> {
					who = Assignee.AGENT;
					agent = parse(UserId.parse(assignee));
				}
			}
		}
		return new InboxFilter(statuses, who, agent, (priority != null) ? parse(Priority.parse(priority)) : null,
				(channel != null) ? parse(Channel.parse(channel)) : null,
				(tag != null) ? tag.trim().toLowerCase(Locale.ROOT) : null, q,
				(snoozed == null) ? Sleep.ANY : snoozed ? Sleep.ASLEEP : Sleep.AWAKE);
	}

	record CreateRequest(@Size(max = 100) String supervisorId, @Size(max = 100) String contactId,
			@Size(max = 300) String subject, @Size(max = 20) String priority, @Size(max = 2000) String pageUrl,
			@Size(max = 2000) String referrer) {
	}

	record UpdateRequest(@Size(max = 20) String status, @Size(max = 20) String priority, List<String> tags) {
	}

	record SnoozeRequest(@NotBlank @Size(max = 40) String until) {
	}

	record SnoozeView(String conversationId, String snoozedUntil) {
	}

	record DeletedView(String conversationId, boolean deleted) {
	}

	record AssignRequest(@NotBlank @Size(max = 100) String agentId, @Size(max = 200) String reason) {
	}

}

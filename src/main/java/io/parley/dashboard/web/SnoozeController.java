package io.parley.dashboard.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

import io.parley.conversation.ConversationId;
import io.parley.conversation.Snoozes;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Snoozing a conversation from its page (decision 83): for an hour, four hours, until
 * tomorrow or next Monday at nine, or until a time typed in; days and times are the
 * workspace's time zone's, as its reports' are.
 */
@Controller
class SnoozeController {

	private static final LocalTime MORNING = LocalTime.of(9, 0);

	private final Snoozes snoozes;

	private final WorkspaceAccess workspaces;

	private final ConversationActionsController actions;

	private final Clock clock;

	SnoozeController(Snoozes snoozes, WorkspaceAccess workspaces, ConversationActionsController actions, Clock clock) {
		this.snoozes = snoozes;
		this.workspaces = workspaces;
		this.actions = actions;
		this.clock = clock;
	}

	@PostMapping("/app/conversations/{id}/snooze")
	String snooze(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String preset,
			@RequestParam(required = false) @Nullable String until,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ConversationId conversation = ConversationPageController.idOf(id);
		ZoneId zone = this.workspaces.timeZone(caller.workspaceId());
		this.snoozes.snooze(caller, conversation, wakeAt(preset, until, zone));
		return this.actions.details(caller, conversation, htmx != null, model);
	}

	@PostMapping("/app/conversations/{id}/wake")
	String wake(Caller caller, @PathVariable String id,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		ConversationId conversation = ConversationPageController.idOf(id);
		this.snoozes.wake(caller, conversation);
		return this.actions.details(caller, conversation, htmx != null, model);
	}

	private Instant wakeAt(String preset, @Nullable String until, ZoneId zone) {
		ZonedDateTime now = this.clock.instant().atZone(zone);
		return switch (preset) {
			case "1h" -> now.plusHours(1).toInstant();
			case "4h" -> now.plusHours(4).toInstant();
			case "tomorrow" -> now.toLocalDate().plusDays(1).atTime(MORNING).atZone(zone).toInstant();
			case "week" -> now.toLocalDate()
				.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
				.atTime(MORNING)
				.atZone(zone)
				.toInstant();
			default -> typed(until, zone);
		};
	}

	/** A {@code datetime-local} value, in the workspace's time zone. */
	private static Instant typed(@Nullable String until, ZoneId zone) {
		if (until == null || until.isBlank() || until.length() > 30) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		try {
			return LocalDateTime.parse(until).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

}

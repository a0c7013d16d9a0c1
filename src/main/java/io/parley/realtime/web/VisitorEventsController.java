package io.parley.realtime.web;

import io.parley.realtime.VisitorStreams;
import io.parley.system.ApiResponse;
import io.parley.widget.Visitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The widget's fallback transport (decision 67): a visitor's events as server-sent
 * events, and their typing over REST; they send messages and read marks through the
 * widget's REST routes.
 */
@RestController
class VisitorEventsController {

	private final VisitorStreams streams;

	VisitorEventsController(VisitorStreams streams) {
		this.streams = streams;
	}

	/**
	 * The visitor's events in one conversation. {@code Last-Event-ID}, which a browser's
	 * {@code EventSource} sends when it reconnects, resumes as {@code afterSequence}
	 * does; given both, the later position wins.
	 */
	@GetMapping(path = "/api/widget/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@RequestParam String ticket, @RequestParam String conversationId,
			@RequestParam(required = false) Long afterSequence,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		return this.streams.open(ticket, origin, conversationId, later(afterSequence, lastEventId));
	}

	@PostMapping(path = "/api/widget/conversations/{id}/typing", produces = "application/json")
	ApiResponse typing(Visitor visitor, @PathVariable String id, @Valid @RequestBody TypingRequest request) {
		this.streams.typing(visitor, id, request.typing());
		return ApiResponse.ok(new TypingView(id, request.typing()));
	}

	/** The later of two positions; a {@code Last-Event-ID} that is none is ignored. */
	private static Long later(Long afterSequence, String lastEventId) {
		Long lastEvent = null;
		if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
			lastEvent = Long.valueOf(lastEventId);
		}
		if (afterSequence == null || lastEvent == null) {
			return (afterSequence != null) ? afterSequence : lastEvent;
		}
		return Math.max(afterSequence, lastEvent);
	}

	record TypingRequest(@NotNull Boolean typing) {
	}

	record TypingView(String conversationId, boolean typing) {
	}

}

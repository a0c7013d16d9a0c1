package io.parley.widget.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parley.conversation.MessageLog.MessagePage;
import io.parley.conversation.ReadState;
import io.parley.system.ApiResponse;
import io.parley.widget.CustomerView.MessageView;
import io.parley.widget.FirstMessage;
import io.parley.widget.PageContext;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorChats;
import io.parley.widget.VisitorConversations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A visitor's own conversations, {@code /api/widget/conversations}, in the customer view.
 * Declaring the {@link Visitor} checks the visitor token and the request's origin.
 */
@RestController
@RequestMapping(path = "/api/widget/conversations", produces = "application/json")
class VisitorConversationController {

	private final VisitorConversations conversations;

	private final VisitorChats chats;

	VisitorConversationController(VisitorConversations conversations, VisitorChats chats) {
		this.conversations = conversations;
		this.chats = chats;
	}

	@GetMapping
	ApiResponse list(Visitor visitor) {
		return ApiResponse.ok(Map.of("items", this.conversations.of(visitor)));
	}

	/** The first message: the contact (if need be) and the conversation come with it. */
	@PostMapping
	ResponseEntity<ApiResponse> start(Visitor visitor, @Valid @RequestBody StartRequest body,
			HttpServletRequest request) {
		VisitorChats.Started started = this.chats.start(visitor, body.toFirstMessage(request));
		return ResponseEntity.status(started.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(Map.of("conversation", started.conversation(), "message", started.message())));
	}

	@GetMapping("/{id}")
	ApiResponse get(Visitor visitor, @PathVariable String id) {
		return ApiResponse.ok(this.conversations.find(visitor, id));
	}

	@GetMapping("/{id}/messages")
	ApiResponse messages(Visitor visitor, @PathVariable String id,
			@RequestParam(name = "after", required = false) Long after,
			@RequestParam(name = "before", required = false) Long before,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		MessagePage page = this.conversations.messages(visitor, id, after, before, limit);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("items", page.messages().stream().map(MessageView::of).toList());
		view.put("nextCursor", (page.nextCursor() != null) ? String.valueOf(page.nextCursor().sequence()) : null);
		return ApiResponse.ok(view);
	}

	@PostMapping("/{id}/messages")
	ResponseEntity<ApiResponse> send(Visitor visitor, @PathVariable String id, @Valid @RequestBody SendRequest body) {
		VisitorChats.Sent sent = this.chats.send(visitor, id, body.content(), body.clientMessageId());
		return ResponseEntity.status(sent.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(sent.message()));
	}

	@PostMapping("/{id}/read")
	ApiResponse read(Visitor visitor, @PathVariable String id, @Valid @RequestBody ReadRequest body) {
		ReadState read = this.conversations.markRead(visitor, id, body.sequence());
		return ApiResponse.ok(Map.of("conversationId", id, "sequence", read.lastReadSequence()));
	}

	record StartRequest(String content, String clientMessageId, @Valid FieldsRequest fields,
			Map<String, Object> attributes, Map<String, Object> conversationAttributes, @Valid ContextRequest context) {

		FirstMessage toFirstMessage(HttpServletRequest request) {
			ContextRequest page = (this.context != null) ? this.context : new ContextRequest(null, null, null);
			String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
			String language = (page.locale() != null) ? truncate(page.locale(), 35)
					: request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
			return new FirstMessage(this.content, this.clientMessageId,
					(this.fields != null) ? this.fields.toFields() : null, this.attributes, this.conversationAttributes,
					new PageContext(truncate(page.pageUrl(), PageContext.MAX_URL_LENGTH),
							truncate(page.referrer(), PageContext.MAX_URL_LENGTH), truncate(language, 100),
							truncate(userAgent, 500), request.getRemoteAddr()));
		}

		private static String truncate(String text, int length) {
			return (text == null || text.length() <= length) ? text : text.substring(0, length);
		}

	}

	record FieldsRequest(@Size(max = 200) String name, @Size(max = 254) String email, @Size(max = 40) String phone,
			@Size(max = 20) Map<String, String> custom) {

		FirstMessage.Fields toFields() {
			return new FirstMessage.Fields(this.name, this.email, this.phone,
					(this.custom != null) ? this.custom : Map.of());
		}

	}

	/**
	 * Where the visitor is: too long a URL (tracking parameters) is cut, never refused.
	 */
	record ContextRequest(String pageUrl, String referrer, String locale) {
	}

	record SendRequest(String content, String clientMessageId) {
	}

	record ReadRequest(@Min(0) Long sequence) {
	}

}

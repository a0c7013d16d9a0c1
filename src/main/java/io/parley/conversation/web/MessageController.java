package io.parley.conversation.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.conversation.MessageDeliveries;
import io.parley.conversation.MessageLog;
import io.parley.conversation.MessageLog.MessagePage;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.conversation.ReadState;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.parley.conversation.web.InboxController.idOf;
import static io.parley.conversation.web.InboxController.parse;

/**
 * A conversation's messages and read marks (seed 001), at {@code /api/conversations/{id}}
 * and {@code /api/chat/conversations/{id}}. Who may read and write is decided by the
 * conversation: its participants, and the staff who can see it for internal notes.
 */
@RestController
@RequestMapping(path = { "/api/conversations/{id}", "/api/chat/conversations/{id}" }, produces = "application/json")
class MessageController {

	private static final int MAX_PAGE = 100;

	private final MessageLog messages;

	private final List<MessageDeliveries> deliveries;

	MessageController(MessageLog messages, List<MessageDeliveries> deliveries) {
		this.messages = messages;
		this.deliveries = deliveries;
	}

	/**
	 * The newest messages, or those before {@code before}, or those after {@code after}
	 * (to catch up); {@code nextCursor} continues in the same direction.
	 */
	@GetMapping("/messages")
	ApiResponse list(Caller caller, @PathVariable String id, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_PAGE || (after != null && before != null)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ConversationId conversation = idOf(id);
		MessagePage page = this.messages.page(caller, conversation, position(after), position(before), limit);
		Map<Long, DeliveryState> delivered = deliveries(caller, conversation, page.messages());
		return ApiResponse.ok(new PageView<>(page.messages()
			.stream()
			.map((message) -> MessageView.of(message, message.isInternal() ? null : delivered.get(message.sequence())))
			.toList(), (page.nextCursor() != null) ? page.nextCursor().toString() : null));
	}

	/**
	 * A repeated {@code clientMessageId} answers 200 with the message stored under it,
	 * the first answer 201.
	 */
	@PostMapping("/messages")
	ResponseEntity<ApiResponse> post(Caller caller, @PathVariable String id, @Valid @RequestBody PostRequest request) {
		MessageType type = (request.type() != null) ? parse(MessageType.parse(request.type())) : MessageType.TEXT;
		Posted posted = this.messages.post(this.messages.sender(caller), idOf(id), type, request.content(),
				request.clientMessageId(), null, request.mentions());
		return ResponseEntity.status(posted.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(MessageView.of(posted.message())));
	}

	/**
	 * A visible message by its sequence ({@code 12}), a note by its position
	 * ({@code 12.3}).
	 */
	@PatchMapping("/messages/{position}")
	ApiResponse edit(Caller caller, @PathVariable String id, @PathVariable String position,
			@Valid @RequestBody EditRequest request) {
		Position at = Position.parse(position).orElseThrow(ErrorCode.MESSAGE_NOT_FOUND::exception);
		return ApiResponse.ok(MessageView.of(this.messages.edit(caller, idOf(id), at, request.content())));
	}

	/** Read once per page, and only when the page has the staff's visible messages. */
	private Map<Long, DeliveryState> deliveries(Caller caller, ConversationId conversation, List<Message> page) {
		if (this.deliveries.isEmpty() || page.stream()
			.noneMatch((message) -> message.author() instanceof Author.Member && !message.isInternal())) {
			return Map.of();
		}
		Map<Long, DeliveryState> found = new HashMap<>();
		this.deliveries.forEach((channel) -> found.putAll(channel.of(caller.workspaceId(), conversation)));
		return found;
	}

	private static Position position(String text) {
		return (text != null) ? parse(Position.parse(text)) : null;
	}

	/** Marks the conversation read up to {@code sequence}, or to its last message. */
	@PutMapping("/read")
	ApiResponse read(Caller caller, @PathVariable String id,
			@Valid @RequestBody(required = false) ReadRequest request) {
		ConversationId conversation = idOf(id);
		ReadState state = this.messages.markRead(caller, conversation, (request != null) ? request.sequence() : null);
		return ApiResponse.ok(new ReadView(conversation.toString(), state.readerId().toString(),
				state.lastReadSequence(), Timestamps.format(state.readAt())));
	}

	/**
	 * @param mentions the user ids of the members a note mentions (decision 86), or
	 * {@code null}
	 */
	record PostRequest(@NotNull @Size(max = Message.MAX_LENGTH) String content, @Size(max = 20) String type,
			@Size(max = Message.MAX_CLIENT_ID_LENGTH) String clientMessageId,
			@Size(max = Message.MAX_MENTIONS) List<@NotNull @Size(max = 100) String> mentions) {
	}

	record EditRequest(@NotNull @Size(max = Message.MAX_LENGTH) String content) {
	}

	record ReadRequest(@PositiveOrZero Long sequence) {
	}

	record ReadView(String conversationId, String readerId, long lastReadSequence, String readAt) {
	}

}

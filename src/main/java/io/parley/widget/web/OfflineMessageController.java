package io.parley.widget.web;

import io.parley.conversation.Conversation;
import io.parley.conversation.ConversationIntake;
import io.parley.conversation.ConversationIntake.Started;
import io.parley.conversation.Message;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.widget.AllowedOrigins;
import io.parley.widget.ChatSettings;
import io.parley.widget.ChatSettingsStore;
import io.parley.widget.WidgetKeys;
import io.parley.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's offline form: anyone on an allowed page leaves a message for the team,
 * which becomes a conversation marked left offline
 * ({@link ConversationIntake#leaveOffline}). The widget key names the workspace; no
 * visitor token is needed.
 */
@RestController
class OfflineMessageController {

	private final ConversationIntake intake;

	private final WidgetKeys keys;

	private final AllowedOrigins origins;

	private final ChatSettingsStore settings;

	OfflineMessageController(ConversationIntake intake, WidgetKeys keys, AllowedOrigins origins,
			ChatSettingsStore settings) {
		this.intake = intake;
		this.keys = keys;
		this.origins = origins;
		this.settings = settings;
	}

	/** A repeated {@code clientMessageId} answers 200 with what the first made. */
	@PostMapping(path = "/api/widget/offline-messages", produces = "application/json")
	ResponseEntity<ApiResponse> leave(HttpServletRequest http, @Valid @RequestBody OfflineRequest request) {
		WorkspaceId workspace = this.keys.workspaceOf(request.key()).orElseThrow(ErrorCode.WIDGET_NOT_FOUND::exception);
		ChatSettings chat = this.settings.of(workspace);
		if (!this.origins.allows(chat, http)) {
			throw ErrorCode.ORIGIN_NOT_ALLOWED.exception();
		}
		if (chat.identityRequired()) {
			// the workspace admits only the users its site vouches for (decision 62)
			throw ErrorCode.IDENTITY_VERIFICATION_REQUIRED.exception();
		}
		Conversation.Context context = (request.context() != null)
				? new Conversation.Context(null, request.context().pageUrl(), request.context().referrer())
				: Conversation.Context.NONE;
		Started started = this.intake.leaveOffline(workspace, request.name(), request.email(), request.message(),
				context, request.clientMessageId());
		Conversation conversation = started.conversation();
		return ResponseEntity.status(started.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(new LeftView(conversation.id().toString(), conversation.status().value(),
					conversation.leftOffline(), Timestamps.format(conversation.createdAt()))));
	}

	record OfflineRequest(@NotNull @Size(max = 64) String key, @Size(max = 200) String name,
			@NotNull @Size(max = 254) String email, @NotNull @Size(max = Message.MAX_LENGTH) String message,
			@Size(max = Message.MAX_CLIENT_ID_LENGTH) String clientMessageId, @Valid PageContext context) {
	}

	record PageContext(@Size(max = 2000) String pageUrl, @Size(max = 2000) String referrer) {
	}

	record LeftView(String id, String status, boolean leftOffline, String createdAt) {
	}

}

package io.parley.dashboard.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.parley.conversation.Attachments;
import io.parley.conversation.Message;
import io.parley.conversation.Upload;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * An agent sends a file from the conversation page (multipart {@code file}, the reply
 * box's text as its caption): the same use case as {@code POST
 * /api/conversations/{id}/attachments}, which checks the size, the type sniffed from the
 * content and that the caller takes part in the conversation. htmx gets the new message's
 * row; a form without script the page again.
 */
@Controller
class ReplyAttachmentController {

	private final Attachments attachments;

	ReplyAttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@HxRequest
	@PostMapping("/app/conversations/{id}/attachments")
	String attach(Caller caller, @PathVariable String id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String clientMessageId, Model model) {
		model.addAttribute("messages", List.of(MessageRow.of(post(caller, id, file, content, clientMessageId))));
		return "app/conversation :: rows";
	}

	@PostMapping("/app/conversations/{id}/attachments")
	String attachWithoutScript(Caller caller, @PathVariable String id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String clientMessageId) {
		post(caller, id, file, content, clientMessageId);
		return "redirect:/app/conversations/" + ConversationPageController.idOf(id);
	}

	private Message post(Caller caller, String id, @Nullable MultipartFile file, @Nullable String content,
			@Nullable String clientMessageId) {
		if (file == null || file.isEmpty()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String caption = (content != null && !content.isBlank()) ? content : null;
		if (caption != null && caption.length() > Message.MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String client = (clientMessageId != null && !clientMessageId.isBlank()
				&& clientMessageId.length() <= Message.MAX_CLIENT_ID_LENGTH) ? clientMessageId : null;
		Upload upload = new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
		return this.attachments.upload(caller, ConversationPageController.idOf(id), upload, caption, client).message();
	}

}

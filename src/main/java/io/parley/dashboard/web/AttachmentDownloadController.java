package io.parley.dashboard.web;

import io.parley.conversation.Attachment;
import io.parley.conversation.AttachmentId;
import io.parley.conversation.Attachments;
import io.parley.conversation.Download;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A conversation's file for the signed-in member, as {@code GET /api/attachments/{id}}
 * serves it to a token: only of a conversation they see (404 for any other), with its
 * stored type, never sniffed, shown in place only when it is an image.
 */
@Controller
class AttachmentDownloadController {

	static final String PATH = "/app/attachments/";

	private final Attachments attachments;

	AttachmentDownloadController(Attachments attachments) {
		this.attachments = attachments;
	}

	@GetMapping(PATH + "{id}")
	ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable String id) {
		AttachmentId attachment = AttachmentId.parse(id).orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		Download download = this.attachments.open(caller, attachment);
		Attachment file = download.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

}

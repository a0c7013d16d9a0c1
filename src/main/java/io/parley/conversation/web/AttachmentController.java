package io.parley.conversation.web;

import io.parley.conversation.Attachment;
import io.parley.conversation.AttachmentId;
import io.parley.conversation.Attachments;
import io.parley.conversation.Download;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.Upload;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static io.parley.conversation.web.InboxController.idOf;

/**
 * Files in conversations: a participant sends one as a message (multipart {@code file},
 * an optional {@code content} caption and {@code clientMessageId}); whoever sees the
 * conversation downloads it.
 */
@RestController
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	/** A repeated {@code clientMessageId} answers 200 with the stored message. */
	@PostMapping(path = { "/api/conversations/{id}/attachments", "/api/chat/conversations/{id}/attachments" },
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
	ResponseEntity<ApiResponse> upload(Caller caller, @PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String content, @RequestParam(required = false) String clientMessageId) {
		if (file == null || (content != null && content.length() > Message.MAX_LENGTH)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Posted posted = this.attachments.upload(caller, idOf(id), upload(file), content, clientMessageId);
		return ResponseEntity.status(posted.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(MessageView.of(posted.message())));
	}

	@GetMapping("/api/attachments/{id}")
	ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable String id) {
		AttachmentId attachment = AttachmentId.parse(id).orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		return served(this.attachments.open(caller, attachment));
	}

	/**
	 * The multipart part as an upload, its content read from where the server keeps it.
	 */
	static Upload upload(MultipartFile file) {
		return new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
	}

	/**
	 * A file as its stored type, never sniffed again by the browser; images shown in
	 * place, anything else saved under its name.
	 */
	static ResponseEntity<InputStreamResource> served(Download download) {
		Attachment attachment = download.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

}

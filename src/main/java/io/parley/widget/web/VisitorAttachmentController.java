package io.parley.widget.web;

import io.parley.contact.Contact;
import io.parley.conversation.AttachmentId;
import io.parley.conversation.Attachments;
import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Download;
import io.parley.conversation.Message;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.Upload;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.widget.CustomerView;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorContacts;

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

/**
 * A visitor sends a file in their own conversation and downloads the files of their own
 * conversations, through the same use case as the staff ({@link Attachments}).
 */
@RestController
class VisitorAttachmentController {

	private final Attachments attachments;

	private final VisitorContacts contacts;

	VisitorAttachmentController(Attachments attachments, VisitorContacts contacts) {
		this.attachments = attachments;
		this.contacts = contacts;
	}

	/** Multipart {@code file}, optional {@code content} and {@code clientMessageId}. */
	@PostMapping(path = "/api/widget/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = "application/json")
	ResponseEntity<ApiResponse> upload(Visitor visitor, @PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String content, @RequestParam(required = false) String clientMessageId) {
		if (file == null || (content != null && content.length() > Message.MAX_LENGTH)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		// before their first message a visitor has no conversation to send a file to
		Contact contact = this.contacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		ConversationId conversation = ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		Posted posted = this.attachments.upload(
				new Author.Contact(contact.id(), contact.userId(), contact.name(), null), visitor.workspaceId(),
				conversation, new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream), content,
				clientMessageId);
		return ResponseEntity.status(posted.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApiResponse.ok(CustomerView.MessageView.of(posted.message())));
	}

	@GetMapping("/api/widget/attachments/{id}")
	ResponseEntity<InputStreamResource> download(Visitor visitor, @PathVariable String id) {
		AttachmentId attachment = AttachmentId.parse(id).orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		Contact contact = this.contacts.find(visitor).orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		Download download = this.attachments.open(visitor.workspaceId(), contact.id(), attachment);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(download.attachment().contentType()))
			.contentLength(download.attachment().size())
			.header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

}

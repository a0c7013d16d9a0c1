package io.parley.conversation.web;

import io.parley.conversation.Attachment;

/** A file a message carries, and where the staff download it. */
record AttachmentView(String id, String name, String contentType, long size, String url, boolean image) {

	static AttachmentView of(Attachment attachment) {
		return new AttachmentView(attachment.id().toString(), attachment.name(), attachment.contentType(),
				attachment.size(), attachment.url(Attachment.STAFF_PATH), attachment.isImage());
	}

}

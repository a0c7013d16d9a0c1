package io.parley.conversation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/** An attachment being read: what it is, and its content, to be closed by the reader. */
public record Download(Attachment attachment, InputStream content) {

	/**
	 * How a browser is told to treat it: an image shown in place, anything else saved,
	 * under its name either way.
	 */
	public String contentDisposition() {
		return (this.attachment.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(this.attachment.name(), StandardCharsets.UTF_8)
			.build()
			.toString();
	}

}

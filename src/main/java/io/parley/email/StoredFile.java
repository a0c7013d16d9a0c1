package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.parley.conversation.Attachment;
import io.parley.conversation.Attachments;
import io.parley.system.ParleyException;
import io.parley.workspace.WorkspaceId;
import jakarta.activation.DataSource;

/**
 * A conversation's file as a mail part reads it: opened from the attachment storage
 * whenever the mail is written. A file gone from the storage fails the mail with an
 * {@link IOException}, which the outbox treats as any failed send.
 */
final class StoredFile implements DataSource {

	private final Attachments attachments;

	private final WorkspaceId workspace;

	private final Attachment file;

	StoredFile(Attachments attachments, WorkspaceId workspace, Attachment file) {
		this.attachments = attachments;
		this.workspace = workspace;
		this.file = file;
	}

	@Override
	public InputStream getInputStream() throws IOException {
		try {
			return this.attachments.open(this.workspace, this.file.id()).content();
		}
		catch (ParleyException ex) {
			throw new IOException("The file " + this.file.id() + " is missing from the storage", ex);
		}
		catch (UncheckedIOException ex) {
			// a storage that cannot be read fails this mail, never the sending round
			throw ex.getCause();
		}
	}

	@Override
	public OutputStream getOutputStream() throws IOException {
		throw new IOException("A stored file is read only");
	}

	@Override
	public String getContentType() {
		return this.file.contentType();
	}

	@Override
	public String getName() {
		return this.file.name();
	}

}

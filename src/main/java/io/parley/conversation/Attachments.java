package io.parley.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.parley.contact.ContactId;
import io.parley.conversation.MessageLog.Posted;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Sends a file in a conversation, and reads one back, for the staff and for the
 * conversation's contact (the widget's visitor) alike. An upload is checked before
 * anything is kept: its size ({@code PARLEY_ATTACHMENT_MAX_SIZE}) and its type, sniffed
 * from its content. The file is stored first, then its message is committed through the
 * conversation's writer; a message that is refused takes its file with it, so a file is
 * only kept for a stored message.
 */
@Service
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private final AttachmentStorage storage;

	private final ContentTypes types;

	private final MessageFiles files;

	private final MessageLog messages;

	private final long maxSize;

	Attachments(AttachmentStorage storage, ContentTypes types, MessageFiles files, MessageLog messages,
			@Value("${parley.attachments.max-size}") DataSize maxSize) {
		this.storage = storage;
		this.types = types;
		this.files = files;
		this.messages = messages;
		this.maxSize = maxSize.toBytes();
	}

	/** The largest file accepted, in bytes. */
	public long maxSize() {
		return this.maxSize;
	}

	/**
	 * A participant of the conversation (its agent, its seed-003 candidate) sends a file.
	 * @param caption the text beside the file, or {@code null}
	 * @param clientMessageId the client's own id for the message, or {@code null}: a
	 * repeat returns the message stored under it and keeps nothing new
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_TOO_LARGE},
	 * {@link ErrorCode#ATTACHMENT_TYPE_NOT_ALLOWED}, or whatever refuses the message
	 */
	public Posted upload(Caller sender, ConversationId conversation, Upload upload, String caption,
			String clientMessageId) {
		sender.require(Permission.TAKE_PART_IN_CONVERSATION);
		MessageLog.Sender shown = this.messages.sender(sender);
		return store(upload, (attachment) -> this.files.post(shown, conversation, caption, clientMessageId,
				List.of(attachment), null));
	}

	/**
	 * The conversation's contact (the widget's visitor) sends a file, as
	 * {@link #upload(Caller, ConversationId, Upload, String, String)}; another contact's
	 * conversation is not found.
	 */
	public Posted upload(Author.Contact contact, WorkspaceId workspace, ConversationId conversation, Upload upload,
			String caption, String clientMessageId) {
		return store(upload, (attachment) -> this.files.postAs(contact, workspace, conversation, caption,
				clientMessageId, List.of(attachment)));
	}

	/**
	 * Why a file would not be kept, by the same limits as an upload's; {@code null} when
	 * it would be.
	 */
	public @Nullable Refusal refusal(Upload upload) {
		if (upload.size() > this.maxSize) {
			return Refusal.TOO_LARGE;
		}
		if (upload.size() == 0) {
			return Refusal.EMPTY;
		}
		try (InputStream head = upload.content().open()) {
			return this.types.isAllowed(this.types.detect(head)) ? null : Refusal.TYPE_NOT_ALLOWED;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read a file", ex);
		}
	}

	/**
	 * The conversation's contact sends several files in one message, as an imported mail
	 * does: the files are stored first, then the message with all of them is committed at
	 * once; a refused or repeated message takes its files with it.
	 * @param uploads files that passed {@link #refusal(Upload)}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_TOO_LARGE},
	 * {@link ErrorCode#ATTACHMENT_TYPE_NOT_ALLOWED}, or whatever refuses the message
	 */
	public Posted uploadAll(Author.Contact contact, WorkspaceId workspace, ConversationId conversation,
			List<Upload> uploads, String caption, String clientMessageId) {
		List<AttachmentId> kept = new ArrayList<>();
		List<Attachment> attachments = new ArrayList<>();
		Posted posted;
		try {
			for (Upload upload : uploads) {
				Attachment attachment = keep(upload);
				kept.add(attachment.id());
				attachments.add(attachment);
			}
			posted = this.files.postAs(contact, workspace, conversation, caption, clientMessageId, attachments);
		}
		catch (RuntimeException ex) {
			kept.forEach(this.storage::delete);
			throw ex;
		}
		if (posted.repeated()) {
			kept.forEach(this.storage::delete);
		}
		return posted;
	}

	/**
	 * A file of a conversation the reader sees.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND} for
	 * a file of a conversation they do not see, or of another workspace
	 */
	public Download open(Caller reader, AttachmentId id) {
		return read(this.files.find(reader, id));
	}

	/**
	 * A file of one of the contact's own conversations.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND} for
	 * any other
	 */
	public Download open(WorkspaceId workspace, ContactId contact, AttachmentId id) {
		return read(this.files.findForContact(workspace, contact, id));
	}

	/**
	 * The files of one of the conversation's visible messages, in order, for a channel
	 * that passes them on (the mail of an agent's reply): the system reads them, no
	 * caller. Empty for a message without files, or of another workspace.
	 */
	public List<Attachment> filesOf(WorkspaceId workspace, ConversationId conversation, long sequence) {
		return this.files.ofMessage(workspace, conversation, sequence);
	}

	/**
	 * A file of the workspace, for the system (no caller), as
	 * {@link #filesOf(WorkspaceId, ConversationId, long)} listed it; the caller closes
	 * the content.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND} for
	 * a file of another workspace, or one missing from the storage
	 */
	public Download open(WorkspaceId workspace, AttachmentId id) {
		return read(this.files.find(workspace, id));
	}

	private Download read(StoredAttachment stored) {
		Attachment attachment = stored.attachment();
		InputStream content = this.storage.get(attachment.id()).orElseThrow(() -> {
			log.error("The file of attachment {} is missing from the storage", attachment.id());
			return ErrorCode.ATTACHMENT_NOT_FOUND.exception();
		});
		return new Download(attachment, content);
	}

	private Posted store(Upload upload, Function<Attachment, Posted> post) {
		Attachment attachment = keep(upload);
		Posted posted;
		try {
			posted = post.apply(attachment);
		}
		catch (RuntimeException ex) {
			this.storage.delete(attachment.id());
			throw ex;
		}
		if (posted.repeated()) {
			// the message was stored before, with its own file
			this.storage.delete(attachment.id());
		}
		return posted;
	}

	/** Checks the file and stores it, for a message not yet committed. */
	private Attachment keep(Upload upload) {
		if (upload.size() > this.maxSize) {
			throw ErrorCode.ATTACHMENT_TOO_LARGE.exception();
		}
		if (upload.size() == 0) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String type;
		try (InputStream head = upload.content().open()) {
			type = this.types.detect(head);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an upload", ex);
		}
		if (!this.types.isAllowed(type)) {
			throw ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED.exception();
		}
		AttachmentId id = AttachmentId.random();
		long size;
		try (InputStream content = upload.content().open()) {
			size = this.storage.put(id, content, this.maxSize);
		}
		catch (IOException ex) {
			this.storage.delete(id);
			throw new UncheckedIOException("Could not read an upload", ex);
		}
		return new Attachment(id, FileNames.shown(upload.name()), type, size);
	}

	/** Why a file is not kept. */
	public enum Refusal {

		/** Larger than {@code PARLEY_ATTACHMENT_MAX_SIZE}. */
		TOO_LARGE,

		/** Of a type {@code PARLEY_ATTACHMENT_TYPES} does not allow. */
		TYPE_NOT_ALLOWED,

		/** Without content. */
		EMPTY

	}

}

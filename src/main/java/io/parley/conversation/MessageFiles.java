package io.parley.conversation;

import java.util.List;

import io.parley.contact.ContactId;
import io.parley.conversation.MessageLog.Posted;
import io.parley.conversation.MessageLog.Sender;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages that carry files ({@code file}, with an optional caption), written through the
 * same writer as every message, and the rule of who may read a file: whoever sees the
 * message that carries it. The files themselves are stored by the caller, before.
 */
@Service
public class MessageFiles {

	private final MessageWriter writer;

	private final MessageAttachments attachments;

	private final Conversations conversations;

	MessageFiles(MessageWriter writer, MessageAttachments attachments, Conversations conversations) {
		this.writer = writer;
		this.attachments = attachments;
		this.conversations = conversations;
	}

	/**
	 * A participant's message with files, committed before it returns, as
	 * {@link MessageLog#post}.
	 * @param caption the text beside the files, or {@code null}
	 */
	public Posted post(Sender sender, ConversationId id, String caption, String clientMessageId, List<Attachment> files,
			String origin) {
		Caller caller = sender.caller();
		String content = content(caption, clientMessageId, files);
		caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		Author shown = new Author.Member(caller.userId(), caller.role(), sender.name(), sender.avatarUrl());
		return posted(this.writer.write(new Draft(caller.workspaceId(), caller, shown, id, MessageType.FILE, content,
				clientMessageId, origin, files)));
	}

	/** The conversation's contact writes a message with files. */
	public Posted postAs(Author.Contact author, WorkspaceId workspace, ConversationId id, String caption,
			String clientMessageId, List<Attachment> files) {
		String content = content(caption, clientMessageId, files);
		return posted(this.writer
			.write(new Draft(workspace, null, author, id, MessageType.FILE, content, clientMessageId, null, files)));
	}

	/**
	 * A file for a reader who sees its conversation; any other file, of another
	 * conversation or workspace, is not found.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public StoredAttachment find(Caller reader, AttachmentId id) {
		StoredAttachment stored = this.attachments.find(id)
			.filter((found) -> found.workspaceId().equals(reader.workspaceId()))
			.orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		Conversation conversation = this.conversations.find(reader.workspaceId(), stored.conversationId())
			.orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.ATTACHMENT_NOT_FOUND.exception();
		}
		return stored;
	}

	/**
	 * A file of one of the contact's own conversations in the workspace; any other is not
	 * found.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public StoredAttachment findForContact(WorkspaceId workspace, ContactId contact, AttachmentId id) {
		return this.attachments.find(id)
			.filter((stored) -> stored.workspaceId().equals(workspace) && stored.contactId().equals(contact))
			.orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
	}

	/**
	 * The files of one of the conversation's visible messages, in order, for the system
	 * (no caller): empty for a message without files, or of another workspace.
	 */
	@Transactional(readOnly = true)
	public List<Attachment> ofMessage(WorkspaceId workspace, ConversationId conversation, long sequence) {
		return this.attachments.ofMessage(workspace, conversation, sequence);
	}

	/**
	 * A file of the workspace for the system (no caller); any other is not found.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ATTACHMENT_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public StoredAttachment find(WorkspaceId workspace, AttachmentId id) {
		return this.attachments.find(id)
			.filter((stored) -> stored.workspaceId().equals(workspace))
			.orElseThrow(ErrorCode.ATTACHMENT_NOT_FOUND::exception);
	}

	/** The caption, or empty text: a file needs no words. */
	private static String content(String caption, String clientMessageId, List<Attachment> files) {
		if (files.isEmpty()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String content = (caption != null && !caption.isBlank()) ? caption : "";
		if (content.length() > Message.MAX_LENGTH || (clientMessageId != null
				&& (clientMessageId.isBlank() || clientMessageId.length() > Message.MAX_CLIENT_ID_LENGTH))) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return content;
	}

	private static Posted posted(Outcome outcome) {
		return new Posted(outcome.message(), outcome.repeated());
	}

}

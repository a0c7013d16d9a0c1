package io.parley.conversation;

import io.parley.contact.ContactId;
import io.parley.workspace.WorkspaceId;

/** An attachment with the conversation and the message that carry it. */
public record StoredAttachment(Attachment attachment, WorkspaceId workspaceId, ConversationId conversationId,
		ContactId contactId, Position message) {
}

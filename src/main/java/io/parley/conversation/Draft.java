package io.parley.conversation;

import java.util.List;

import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

/**
 * A message to be written to a conversation of {@code workspace}.
 *
 * @param caller the signed-in person writing, or {@code null} for a contact without a
 * login, a bot or the system
 * @param author how the writer is shown; for a signed-in person, the conversation decides
 * whether as its customer or as staff
 * @param clientMessageId the client's own id for the message, or {@code null}
 * @param origin the opaque id of the sending connection, or {@code null}
 * @param attachments the files a {@code file} message carries, stored already
 * @param mentions the members a note mentions, checked already; empty for most
 */
record Draft(WorkspaceId workspace, Caller caller, Author author, ConversationId conversation, MessageType type,
		String content, String clientMessageId, String origin, List<Attachment> attachments, List<UserId> mentions) {

	Draft(WorkspaceId workspace, Caller caller, Author author, ConversationId conversation, MessageType type,
			String content, String clientMessageId, String origin, List<Attachment> attachments) {
		this(workspace, caller, author, conversation, type, content, clientMessageId, origin, attachments, List.of());
	}

	Draft(WorkspaceId workspace, Caller caller, Author author, ConversationId conversation, MessageType type,
			String content, String clientMessageId, String origin) {
		this(workspace, caller, author, conversation, type, content, clientMessageId, origin, List.of());
	}

}

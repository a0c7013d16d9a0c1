package io.parley.conversation;

import java.time.Instant;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * A conversation was merged into another of the same contact (decision 84): it is closed
 * ({@link ConversationClosed} follows) and points at the one it was merged into, whose
 * history shows the messages of both.
 *
 * @param id this merge's id
 * @param conversation the conversation merged, as the staff's inboxes see it
 * @param intoId the conversation it was merged into, which goes on
 * @param mergedBy who merged them
 */
public record ConversationMerged(UUID id, ConversationSnapshot conversation, ConversationId intoId, UserId mergedBy,
		Instant mergedAt) {

	/** The conversation merged, now closed. */
	public ConversationId conversationId() {
		return this.conversation.id();
	}

	public WorkspaceId workspaceId() {
		return this.conversation.workspaceId();
	}

}

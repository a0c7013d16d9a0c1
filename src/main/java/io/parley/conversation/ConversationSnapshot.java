package io.parley.conversation;

import java.time.Instant;

import io.parley.identity.UserId;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

/**
 * A conversation as it was when an event was published: what the staff's inbox shows.
 *
 * @param leftOffline whether the customer left it through the offline form
 */
public record ConversationSnapshot(ConversationId id, WorkspaceId workspaceId, UserId candidateId, UserId supervisorId,
		UserId agentId, ConversationStatus status, Channel channel, Priority priority, String subject,
		Instant updatedAt, boolean leftOffline) {

	static ConversationSnapshot of(Conversation conversation) {
		return new ConversationSnapshot(conversation.id(), conversation.workspaceId(), conversation.candidateId(),
				conversation.supervisorId(), conversation.agentId(), conversation.status(), conversation.channel(),
				conversation.priority(), conversation.context().subject(), conversation.updatedAt(),
				conversation.leftOffline());
	}

	/** The same rule as {@link Conversation#isVisibleTo(Caller)}. */
	public boolean isVisibleTo(Caller caller) {
		return ConversationAccess.sees(caller, this.workspaceId, this.supervisorId, this.candidateId, this.agentId);
	}

}

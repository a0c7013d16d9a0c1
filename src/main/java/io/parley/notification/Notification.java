package io.parley.notification;

import java.time.Instant;

import io.parley.conversation.ConversationId;
import io.parley.conversation.Position;
import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

/**
 * Something a member of a workspace is told of.
 *
 * @param actorId who did it: the member who mentioned or assigned; {@code null} for a
 * customer's message or Parley
 * @param position the message it is about (the last one of a coalesced
 * {@link NotificationKind#NEW_MESSAGE}); {@code null} for an assignment
 * @param excerpt the start of that message, or {@code null}
 * @param count how many customer messages a {@code NEW_MESSAGE} stands for, else 1
 * @param updatedAt when it last changed: created, or a customer message added to it
 * @param readAt when the member read it, or {@code null}
 */
public record Notification(NotificationId id, WorkspaceId workspaceId, UserId recipientId, NotificationKind kind,
		ConversationId conversationId, UserId actorId, Position position, String excerpt, int count, Instant createdAt,
		Instant updatedAt, Instant readAt) {

	public boolean isUnread() {
		return this.readAt == null;
	}

}

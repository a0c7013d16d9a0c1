package io.parley.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.system.Timestamps;

/**
 * A notification as the REST routes and the {@code NOTIFICATION} frame show it.
 *
 * @param note the note's number, for a mention only
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationView(String id, String kind, String conversationId, String actorId, Long sequence,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long note, String excerpt, int count, boolean unread,
		String createdAt, String updatedAt, String readAt) {

	public static NotificationView of(Notification notification) {
		boolean placed = notification.position() != null;
		return new NotificationView(notification.id().toString(), notification.kind().name(),
				notification.conversationId().toString(),
				(notification.actorId() != null) ? notification.actorId().toString() : null,
				placed ? notification.position().sequence() : null,
				(placed && notification.position().note() > 0) ? notification.position().note() : null,
				notification.excerpt(), notification.count(), notification.isUnread(),
				Timestamps.format(notification.createdAt()), Timestamps.format(notification.updatedAt()),
				(notification.readAt() != null) ? Timestamps.format(notification.readAt()) : null);
	}

}

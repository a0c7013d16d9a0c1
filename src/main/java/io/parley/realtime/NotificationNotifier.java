package io.parley.realtime;

import io.parley.notification.Notification;
import io.parley.notification.NotificationRaised;
import io.parley.notification.NotificationView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Sends a member's notification, once it is committed, to their sockets in its workspace
 * that asked for them ({@code SUBSCRIBE_NOTIFICATIONS}, as the dashboard's does), and to
 * nobody else's: {@code NOTIFICATION}. A plain seed-003 socket gets no frame it did not
 * ask for.
 */
@Component
class NotificationNotifier {

	private final ConnectionRegistry connections;

	private final Frames frames;

	NotificationNotifier(ConnectionRegistry connections, Frames frames) {
		this.connections = connections;
		this.frames = frames;
	}

	@EventListener
	void on(NotificationRaised event) {
		Notification notification = event.notification();
		AfterCommit.run(() -> {
			TextMessage frame = null;
			for (Connection connection : this.connections.ofMember(notification.workspaceId(),
					notification.recipientId())) {
				if (!connection.isSubscribedToNotifications()) {
					continue;
				}
				frame = (frame != null) ? frame
						: this.frames.notification(NotificationView.of(notification), event.unreadCount());
				connection.send(frame);
			}
		});
	}

}

package io.parley.notification;

/**
 * A notification was created, or a customer message was added to an unread one: published
 * in its transaction, for the member's sockets once committed.
 *
 * @param unreadCount how many unread notifications the member has now
 */
public record NotificationRaised(Notification notification, long unreadCount) {
}

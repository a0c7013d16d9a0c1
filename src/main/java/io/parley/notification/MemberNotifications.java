package io.parley.notification;

import java.time.Clock;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.PageCursor;
import io.parley.system.Timestamps;
import io.parley.workspace.AnyCaller;
import io.parley.workspace.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member reads their own notifications in the workspace they act in, and marks them
 * read. Nobody sees another's: an id of someone else's is not found.
 */
@Service
public class MemberNotifications {

	private final Notifications notifications;

	private final Clock clock;

	MemberNotifications(Notifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * The caller's notifications, newest first (by their last change), from after the
	 * cursor, with how many are unread.
	 * @param unreadOnly only the unread ones
	 * @param before a page's {@code nextCursor}, or {@code null} for the first page
	 */
	@AnyCaller("a member's own notifications")
	@Transactional(readOnly = true)
	public NotificationPage page(Caller caller, boolean unreadOnly, String before, int limit) {
		if (limit < 1 || limit > Page.MAX_LIMIT) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		PageCursor cursor = PageCursor.parse(before).orElse(null);
		List<Notification> found = this.notifications.page(caller.workspaceId(), caller.userId(), unreadOnly, cursor,
				limit + 1);
		Page<Notification> page = Page.of(found, limit,
				(notification) -> new PageCursor(notification.updatedAt(), notification.id().value()));
		return new NotificationPage(page, this.notifications.unreadCount(caller.workspaceId(), caller.userId()));
	}

	/**
	 * Marks one of the caller's notifications read (again: no change).
	 * @throws io.parley.system.ParleyException {@link ErrorCode#NOTIFICATION_NOT_FOUND}
	 * for an id that names none of the caller's
	 */
	@AnyCaller("a member's own notifications")
	@Transactional
	public Notification read(Caller caller, String id) {
		NotificationId notification = NotificationId.parse(id).orElseThrow(ErrorCode.NOTIFICATION_NOT_FOUND::exception);
		this.notifications.markRead(caller.workspaceId(), caller.userId(), notification, Timestamps.now(this.clock));
		return this.notifications.find(caller.workspaceId(), caller.userId(), notification)
			.orElseThrow(ErrorCode.NOTIFICATION_NOT_FOUND::exception);
	}

	/** Marks all the caller's unread notifications read; how many were. */
	@AnyCaller("a member's own notifications")
	@Transactional
	public int readAll(Caller caller) {
		return this.notifications.markRead(caller.workspaceId(), caller.userId(), null, Timestamps.now(this.clock));
	}

	/** A page of notifications and the member's unread count. */
	public record NotificationPage(Page<Notification> page, long unreadCount) {
	}

}

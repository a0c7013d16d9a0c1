package io.parley.notification.web;

import java.util.List;

import io.parley.notification.MemberNotifications;
import io.parley.notification.MemberNotifications.NotificationPage;
import io.parley.notification.NotificationView;
import io.parley.system.ApiResponse;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications (decision 86). */
@RestController
@RequestMapping(path = "/api/notifications", produces = "application/json")
class NotificationController {

	private final MemberNotifications notifications;

	NotificationController(MemberNotifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	ApiResponse list(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Size(max = 200) String before,
			@RequestParam(required = false) @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit) {
		// before is the page's nextCursor; cursor, as every other list calls it, too
		NotificationPage found = this.notifications.page(caller, unread, (before != null) ? before : cursor, limit);
		return ApiResponse.ok(new PageView(found.page().items().stream().map(NotificationView::of).toList(),
				found.page().nextCursor(), found.unreadCount()));
	}

	@PostMapping("/{id}/read")
	ApiResponse read(Caller caller, @PathVariable String id) {
		return ApiResponse.ok(NotificationView.of(this.notifications.read(caller, id)));
	}

	@PostMapping("/read-all")
	ApiResponse readAll(Caller caller) {
		return ApiResponse.ok(new ReadAll(this.notifications.readAll(caller), 0));
	}

	record PageView(List<NotificationView> items, String nextCursor, long unreadCount) {
	}

	/**
	 * @param read how many were unread
	 */
	record ReadAll(int read, long unreadCount) {
	}

}

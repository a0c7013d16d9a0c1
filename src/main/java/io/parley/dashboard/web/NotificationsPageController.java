package io.parley.dashboard.web;

import io.parley.notification.MemberNotifications;
import io.parley.notification.MemberNotifications.NotificationPage;
import io.parley.notification.Notification;
import io.parley.notification.NotificationView;
import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's notifications (seed 001): mentions, assignments and customer messages in
 * their conversations, newest first. Opening one marks it read and goes to its
 * conversation.
 */
@Controller
class NotificationsPageController {

	static final int PAGE = 50;

	private final MemberNotifications notifications;

	NotificationsPageController(MemberNotifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/app/notifications")
	String page(Caller caller, @RequestParam(required = false) @Nullable String before, Model model) {
		NotificationPage page = this.notifications.page(caller, false, before, PAGE);
		model.addAttribute("notifications", page.page().items().stream().map(NotificationView::of).toList());
		model.addAttribute("nextCursor", page.page().nextCursor());
		return "app/notifications";
	}

	@PostMapping("/app/notifications/{id}/open")
	String open(Caller caller, @PathVariable String id) {
		Notification read = this.notifications.read(caller, id);
		return "redirect:/app/conversations/" + read.conversationId();
	}

	@PostMapping("/app/notifications/read-all")
	String readAll(Caller caller) {
		this.notifications.readAll(caller);
		return "redirect:/app/notifications";
	}

}

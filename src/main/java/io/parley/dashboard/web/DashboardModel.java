package io.parley.dashboard.web;

import java.util.List;

import io.parley.dashboard.DashboardLanguage;
import io.parley.notification.MemberNotifications;
import io.parley.workspace.BrowserSignIn;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in member into the model of every dashboard page. */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

	private final BrowserSignIn signIn;

	private final MemberDirectory members;

	private final MemberNotifications notifications;

	DashboardModel(BrowserSignIn signIn, MemberDirectory members, MemberNotifications notifications) {
		this.signIn = signIn;
		this.members = members;
		this.notifications = notifications;
	}

	/** The page's own address, for forms that come back to it (the language menu). */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	/** The languages the header's menu offers. */
	@ModelAttribute("languages")
	List<String> languages() {
		return DashboardLanguage.LANGUAGES;
	}

	/** The bell's count in the header. */
	@ModelAttribute("unreadNotifications")
	long unreadNotifications(@Nullable Caller caller) {
		return (caller != null) ? this.notifications.page(caller, true, null, 1).unreadCount() : 0;
	}

	@ModelAttribute("me")
	@Nullable CurrentMember me(@Nullable Caller caller) {
		if (caller == null) {
			return null;
		}
		Member member = this.members.find(caller.workspaceId(), caller.userId()).orElse(null);
		String name = (member != null) ? member.name() : "";
		String availability = (member != null && member.profile() != null && member.profile().availability() != null)
				? member.profile().availability().value() : "offline";
		return CurrentMember.of(caller, name, availability, this.signIn.workspaces(caller));
	}

}

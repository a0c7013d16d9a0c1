package io.parley.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.parley.system.ApiResponse;
import io.parley.system.RateLimit;
import io.parley.system.RateLimitedException;
import io.parley.system.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests by the caller's address before anything else reads them: every request
 * (seed 001's {@code RATE_LIMIT_MAX} per {@code RATE_LIMIT_WINDOW} milliseconds), and
 * tighter limits on the routes an anonymous caller can abuse: log-in (with its second
 * step), sign-up, workspace creation, invitation links, the refresh tokens' routes
 * (refresh, log-out), the widget's sessions and new conversations, uploads of files and
 * offline messages. Over a limit: 429 with {@code Retry-After}, and the request goes no
 * further.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final JsonMapper json;

	private final RateLimit api;

	private final RateLimit login;

	private final RateLimit signUp;

	private final RateLimit workspaces;

	private final RateLimit invitationLinks;

	private final RateLimit refresh;

	private final RateLimit widgetSessions;

	private final RateLimit widgetConversations;

	private final RateLimit uploads;

	private final RateLimit offlineMessages;

	RateLimitFilter(RateLimiter limiter, JsonMapper json, @Value("${parley.rate-limit.api.max}") long apiMax,
			@Value("${parley.rate-limit.api.window}") long apiWindowMillis,
			@Value("${parley.rate-limit.login}") String login, @Value("${parley.rate-limit.signup}") String signUp,
			@Value("${parley.rate-limit.workspaces}") String workspaces,
			@Value("${parley.rate-limit.invitation-links}") String invitationLinks,
			@Value("${parley.rate-limit.refresh}") String refresh,
			@Value("${parley.rate-limit.widget-sessions}") String widgetSessions,
			@Value("${parley.rate-limit.widget-conversations}") String widgetConversations,
			@Value("${parley.rate-limit.uploads}") String uploads,
			@Value("${parley.rate-limit.offline-messages}") String offlineMessages) {
		this.limiter = limiter;
		this.json = json;
		this.api = new RateLimit("api", apiMax, Duration.ofMillis(apiWindowMillis));
		this.login = RateLimit.parse("login", login);
		this.signUp = RateLimit.parse("signup", signUp);
		this.workspaces = RateLimit.parse("workspaces", workspaces);
		this.invitationLinks = RateLimit.parse("invitation-links", invitationLinks);
		this.refresh = RateLimit.parse("refresh", refresh);
		this.widgetSessions = RateLimit.parse("widget-sessions", widgetSessions);
		this.widgetConversations = RateLimit.parse("widget-conversations", widgetConversations);
		this.uploads = RateLimit.parse("uploads", uploads);
		this.offlineMessages = RateLimit.parse("offline-messages", offlineMessages);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		Optional<Duration> wait = this.limiter.acquire(this.api, address);
		RateLimit route = routeLimit(request);
		if (wait.isEmpty() && route != null) {
			wait = this.limiter.acquire(route, address);
		}
		if (wait.isPresent()) {
			refuse(response, new RateLimitedException(wait.get()));
			return;
		}
		chain.doFilter(request, response);
	}

	private RateLimit routeLimit(HttpServletRequest request) {
		String path = request.getRequestURI();
		boolean post = "POST".equals(request.getMethod());
		// a log-in's second step shares the log-in's limit, and so do signing in
		// through a provider (its start, callback and exchange) and the dashboard's
		// sign-in form
		if ((post && (path.equals("/auth/login") || path.startsWith("/auth/login/") || path.equals("/app/login")
				|| path.startsWith("/app/login/"))) || path.startsWith("/auth/oidc/")
				|| path.startsWith("/login/oauth2/")) {
			return this.login;
		}
		if (post && path.equals("/auth/signup")) {
			return this.signUp;
		}
		if (post && path.equals("/api/workspaces")) {
			return this.workspaces;
		}
		if (post && (path.equals("/auth/refresh") || path.equals("/auth/logout"))) {
			return this.refresh;
		}
		// a widget's visitors: anyone may open a session and start conversations, so
		// both are limited by address (their messages are limited per visitor)
		if (post && path.equals("/api/widget/sessions")) {
			return this.widgetSessions;
		}
		if (post && path.equals("/api/widget/conversations")) {
			return this.widgetConversations;
		}
		if (path.startsWith("/api/invitation-links/")) {
			return this.invitationLinks;
		}
		if (post && isUpload(path)) {
			return this.uploads;
		}
		if (post && path.equals("/api/widget/offline-messages")) {
			return this.offlineMessages;
		}
		return null;
	}

	/**
	 * A file sent into a conversation, by the staff or a widget's visitor
	 * ({@code .../conversations/{id}/attachments}).
	 */
	static boolean isUpload(String path) {
		return (path.startsWith("/api/") || path.startsWith("/app/conversations/")) && path.endsWith("/attachments");
	}

	/** Operators' endpoints answer on the loopback only and are not limited. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	private void refuse(HttpServletResponse response, RateLimitedException limited) throws IOException {
		response.setStatus(limited.code().status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
		this.json.writeValue(response.getOutputStream(), ApiResponse.failure(limited.code().text()));
	}

}

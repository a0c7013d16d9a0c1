package io.parley.widget;

import java.util.List;
import java.util.Optional;

import io.parley.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Where a workspace's widget may run (seed 002's allowed domains, decision 61): the
 * origins of its allowed domains ({@link AllowedOrigin} says how an entry reads), every
 * origin when it has none, and always Parley's own origin ({@code PARLEY_PUBLIC_URL}),
 * where the widget's iframe lives. The iframe's framing is what the list restricts for
 * the browser ({@code frame-ancestors}); the visitor's REST calls and socket handshake
 * are refused for any other {@code Origin}.
 */
@Component
public class AllowedOrigins {

	private final ChatSettingsStore settings;

	private final Optional<AllowedOrigin> parley;

	AllowedOrigins(ChatSettingsStore settings, @Value("${parley.public-url}") String publicUrl) {
		this.settings = settings;
		this.parley = AllowedOrigin.origin(publicUrl.replaceAll("/+$", ""));
	}

	/**
	 * Whether a browser at {@code origin} (an {@code Origin} header) may use the
	 * workspace's widget. A request without an {@code Origin} ({@code null}) is not from
	 * a page of another site, as browsers send it on every cross-origin call: it is
	 * allowed, and what a non-browser client may do is what its key or token allows.
	 */
	public boolean allows(WorkspaceId workspace, String origin) {
		return origin == null || allows(this.settings.of(workspace), origin);
	}

	private boolean allows(ChatSettings chat, String origin) {
		Optional<AllowedOrigin> parsed = AllowedOrigin.origin(origin);
		if (parsed.isPresent() && this.parley.isPresent() && this.parley.get().equals(parsed.get())) {
			return true;
		}
		return admits(chat.origins(), parsed);
	}

	/**
	 * {@link #allows(WorkspaceId, String)} for a request's {@code Origin}; a request from
	 * Parley's own pages (its origin is the request's own host) is allowed too.
	 */
	public boolean allows(WorkspaceId workspace, HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null || AllowedOrigin.origin(origin).equals(own(request))) {
			return true;
		}
		return allows(this.settings.of(workspace), origin);
	}

	/**
	 * {@link #allows(WorkspaceId, HttpServletRequest)} with the workspace's settings the
	 * caller has read already.
	 */
	public boolean allows(ChatSettings chat, HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		return origin == null || AllowedOrigin.origin(origin).equals(own(request)) || allows(chat, origin);
	}

	/** The workspace's {@code frame-ancestors} sources: {@code *} when it has none. */
	public String frameAncestors(WorkspaceId workspace) {
		List<AllowedOrigin> origins = this.settings.of(workspace).origins();
		if (origins.isEmpty()) {
			return "*";
		}
		StringBuilder sources = new StringBuilder("'self'");
		origins.forEach((origin) -> sources.append(' ').append(origin.source()));
		return sources.toString();
	}

	static boolean admits(List<AllowedOrigin> entries, Optional<AllowedOrigin> origin) {
		if (entries.isEmpty()) {
			return true;
		}
		return origin.isPresent() && entries.stream().anyMatch((entry) -> entry.admits(origin.get()));
	}

	private static Optional<AllowedOrigin> own(HttpServletRequest request) {
		return AllowedOrigin
			.origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
	}

}

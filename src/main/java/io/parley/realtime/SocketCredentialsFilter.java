package io.parley.realtime;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the socket's credentials ({@code ?token=}, {@code ?ticket=},
 * {@code ?visitorTicket=}) out of the handshake's URL before anything else reads the
 * request, and keeps them in request attributes for {@link SocketEndpoint}. Whatever
 * prints the request or the socket's session afterwards (Spring logs a session with its
 * URI when an exception escapes the handshake) has no secret to print (decision 48).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SocketCredentialsFilter extends OncePerRequestFilter {

	static final String TOKEN = "token";

	static final String TICKET = "ticket";

	/** A widget visitor's ticket (decision 65). */
	static final String VISITOR_TICKET = "visitorTicket";

	static final List<String> NAMES = List.of(TOKEN, TICKET, VISITOR_TICKET);

	/** What is taken out of the URL: the names in any case. */
	private static final Set<String> CREDENTIALS = Set.of(TOKEN, TICKET, VISITOR_TICKET.toLowerCase(Locale.ROOT));

	static String attribute(String credential) {
		return SocketCredentialsFilter.class.getName() + "." + credential;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().equals(request.getContextPath() + "/ws") || request.getQueryString() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> kept = new ArrayList<>();
		for (String pair : request.getQueryString().split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			if (name == null || !CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
				kept.add(pair);
			}
			else if (NAMES.contains(name) && equals >= 0 && request.getAttribute(attribute(name)) == null) {
				String value = decode(pair.substring(equals + 1));
				if (value != null) {
					request.setAttribute(attribute(name), value);
				}
			}
		}
		chain.doFilter(new WithoutCredentialsRequest(request, kept.isEmpty() ? null : String.join("&", kept)),
				response);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The handshake request without its credentials, in the query and as parameters. */
	private static final class WithoutCredentialsRequest extends HttpServletRequestWrapper {

		private final String query;

		WithoutCredentialsRequest(HttpServletRequest request, String query) {
			super(request);
			this.query = query;
		}

		@Override
		public String getQueryString() {
			return this.query;
		}

		@Override
		public String getParameter(String name) {
			return isCredential(name) ? null : super.getParameter(name);
		}

		@Override
		public String[] getParameterValues(String name) {
			return isCredential(name) ? null : super.getParameterValues(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.keySet().removeIf(WithoutCredentialsRequest::isCredential);
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		private static boolean isCredential(String name) {
			return name != null && CREDENTIALS.contains(name.toLowerCase(Locale.ROOT));
		}

	}

}

package io.parley.realtime;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A handshake request that offers no WebSocket extensions. Tomcat negotiates
 * {@code permessage-deflate} from the request's header whatever Spring selects, so the
 * header itself is hidden (decision 37).
 */
final class WithoutExtensionsRequest extends HttpServletRequestWrapper {

	private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	WithoutExtensionsRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public String getHeader(String name) {
		return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !EXTENSIONS.equalsIgnoreCase(name))
			.toList());
	}

}

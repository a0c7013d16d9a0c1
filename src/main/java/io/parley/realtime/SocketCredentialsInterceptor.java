package io.parley.realtime;

import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Hands the credentials {@link SocketCredentialsFilter} took out of the URL to the
 * socket's session, where {@link SocketEndpoint} checks them.
 */
final class SocketCredentialsInterceptor implements HandshakeInterceptor {

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request instanceof ServletServerHttpRequest servlet) {
			for (String credential : SocketCredentialsFilter.NAMES) {
				Object value = servlet.getServletRequest().getAttribute(SocketCredentialsFilter.attribute(credential));
				if (value != null) {
					attributes.put(SocketCredentialsFilter.attribute(credential), value);
				}
			}
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}

package io.parley.realtime;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * Upgrades to a WebSocket without {@code permessage-deflate} (decision 37): Tomcat's
 * inflater ends a compressed message early when a network read ends at the wrong byte,
 * and every compressed socket holds zlib state many times Parley's budget for an idle
 * socket.
 */
final class UncompressedUpgradeStrategy extends StandardWebSocketUpgradeStrategy {

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		return List.of();
	}

	@Override
	public void upgrade(ServerHttpRequest request, ServerHttpResponse response, @Nullable String selectedProtocol,
			List<WebSocketExtension> selectedExtensions, @Nullable Principal user, WebSocketHandler handler,
			Map<String, Object> attributes) throws HandshakeFailureException {
		// Tomcat reads the offer from the request itself, whatever is selected here
		ServerHttpRequest withoutOffer = new ServletServerHttpRequest(
				new WithoutExtensionsRequest(getHttpServletRequest(request)));
		super.upgrade(withoutOffer, response, selectedProtocol, List.of(), user, handler, attributes);
	}

}

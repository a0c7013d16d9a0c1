package io.parley.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.widget.AllowedOrigins;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorSocketTickets;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Redeems a widget visitor's ticket ({@code /ws?visitorTicket=}) during the handshake and
 * refuses it, with 403 and no socket, when the page's {@code Origin} is not one of the
 * workspace's allowed domains (decision 65). A spent or unknown ticket opens a socket
 * that is told so and closed, as a staff ticket.
 */
@Component
class VisitorHandshake implements HandshakeInterceptor {

	/** The session attribute holding the visitor, for {@link SocketEndpoint}. */
	static final String VISITOR = Visitor.class.getName();

	/** Set when a visitor ticket was presented but not honoured. */
	static final String REFUSED = VisitorHandshake.class.getName() + ".refused";

	private final VisitorSocketTickets tickets;

	private final AllowedOrigins origins;

	private final JsonMapper json;

	VisitorHandshake(VisitorSocketTickets tickets, AllowedOrigins origins, JsonMapper json) {
		this.tickets = tickets;
		this.origins = origins;
		this.json = json;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws Exception {
		Object ticket = attributes.remove(SocketCredentialsFilter.attribute(SocketCredentialsFilter.VISITOR_TICKET));
		if (ticket == null) {
			return true;
		}
		Optional<Visitor> visitor = this.tickets.redeem((String) ticket);
		if (visitor.isEmpty()) {
			attributes.put(REFUSED, Boolean.TRUE);
			return true;
		}
		String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
		// the widget's iframe is a page of Parley's own host, as the REST routes allow it
		boolean allowed = (request instanceof ServletServerHttpRequest servlet)
				? this.origins.allows(visitor.get().workspaceId(), servlet.getServletRequest())
				: this.origins.allows(visitor.get().workspaceId(), origin);
		if (!allowed) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getBody()
				.write(this.json.writeValueAsString(ApiResponse.failure(ErrorCode.ORIGIN_NOT_ALLOWED.text()))
					.getBytes(StandardCharsets.UTF_8));
			return false;
		}
		attributes.put(VISITOR, visitor.get());
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}

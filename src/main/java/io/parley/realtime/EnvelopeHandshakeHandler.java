package io.parley.realtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.parley.system.ApiResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Answers a request to {@code /ws} that is no WebSocket handshake in the envelope, like
 * every other HTTP error; and accepts handshakes without {@code permessage-deflate}
 * (decision 37).
 */
class EnvelopeHandshakeHandler extends DefaultHandshakeHandler {

	private final JsonMapper json;

	EnvelopeHandshakeHandler(JsonMapper json) {
		super(new UncompressedUpgradeStrategy());
		this.json = json;
	}

	@Override
	protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response)
			throws IOException {
		reject(response, "Expected a WebSocket upgrade request");
	}

	@Override
	protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response)
			throws IOException {
		reject(response, "Expected a WebSocket upgrade request");
	}

	@Override
	protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
		super.handleWebSocketVersionNotSupported(request, response);
		try {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getBody()
				.write(this.json.writeValueAsString(ApiResponse.failure("Unsupported WebSocket version"))
					.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// the client is gone; the status already tells
		}
	}

	private void reject(ServerHttpResponse response, String error) throws IOException {
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getBody()
			.write(this.json.writeValueAsString(ApiResponse.failure(error)).getBytes(StandardCharsets.UTF_8));
	}

}

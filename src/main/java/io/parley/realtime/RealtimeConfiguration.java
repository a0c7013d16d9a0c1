package io.parley.realtime;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

	private final SocketEndpoint endpoint;

	private final JsonMapper json;

	RealtimeConfiguration(SocketEndpoint endpoint, JsonMapper json) {
		this.endpoint = endpoint;
		this.json = json;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// The widget runs on customers' sites, and every socket must present a token
		// anyway.
		registry.addHandler(this.endpoint, "/ws")
			.setHandshakeHandler(new EnvelopeHandshakeHandler(this.json))
			.setAllowedOriginPatterns("*");
	}

	/**
	 * Small container buffers keep idle sockets cheap; frames larger than a buffer arrive
	 * in parts and are assembled by {@link SocketEndpoint} up to
	 * {@code parley.ws.max-frame-size}.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(@Value("${parley.ws.buffer-size}") int bufferSize) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(bufferSize);
		container.setMaxBinaryMessageBufferSize(bufferSize);
		return container;
	}

}

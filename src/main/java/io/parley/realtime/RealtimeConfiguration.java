package io.parley.realtime;

import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

	private final SocketEndpoint endpoint;

	private final JsonMapper json;

	private final ObjectProvider<HandshakeInterceptor> interceptors;

	/**
	 * @param interceptors checks of the handshake declared as beans, run after the
	 * credentials are taken out of the URL
	 */
	RealtimeConfiguration(SocketEndpoint endpoint, JsonMapper json, ObjectProvider<HandshakeInterceptor> interceptors) {
		this.endpoint = endpoint;
		this.json = json;
		this.interceptors = interceptors;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// The widget runs on customers' sites, and every socket must present a token
		// anyway.
		registry.addHandler(this.endpoint, "/ws")
			.setHandshakeHandler(new EnvelopeHandshakeHandler(this.json))
			.addInterceptors(
					Stream.concat(Stream.of(new SocketCredentialsInterceptor()), this.interceptors.orderedStream())
						.toArray(HandshakeInterceptor[]::new))
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

package io.parley.realtime;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Keeps an idle socket cheap. Tomcat gives every connection read and write buffers and
 * every WebSocket session two output buffers, 8 KiB each by default; Parley's frames are
 * small, and larger ones are simply written or read in more steps. The session buffers
 * are sized by a system property that Tomcat reads once, so it is set before the server
 * starts (hence an environment post-processor).
 */
@Component
class SocketBuffers
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, EnvironmentPostProcessor {

	static final String TOMCAT_SESSION_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	static final String BUFFER_SIZE = "parley.ws.buffer-size";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String size = environment.getProperty(BUFFER_SIZE);
		if (size != null && System.getProperty(TOMCAT_SESSION_BUFFER) == null) {
			System.setProperty(TOMCAT_SESSION_BUFFER, size);
		}
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			String size = System.getProperty(TOMCAT_SESSION_BUFFER, "8192");
			connector.setProperty("socket.appReadBufSize", size);
			connector.setProperty("socket.appWriteBufSize", size);
		});
	}

}

package io.parley.system.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error answers in the envelope ({@link EnvelopeErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	/**
	 * Puts the envelope's valve in place of Tomcat's in the host's pipeline, once the
	 * host has made its own (it makes one when it starts).
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> envelopeErrorReports() {
		return (event) -> {
			if (event.getWebServer() instanceof TomcatWebServer server) {
				Pipeline pipeline = server.getTomcat().getHost().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof EnvelopeErrorReportValve)) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new EnvelopeErrorReportValve());
			}
		};
	}

}

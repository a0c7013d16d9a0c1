package io.parley.workspace;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Hands {@code SMTP_HOST} to Spring Boot's mail sender only when it names a server. Boot
 * creates a {@code JavaMailSender} for any {@code spring.mail.host}, even an empty one
 * (which Jakarta Mail reads as {@code localhost}), and Parley must have none when no mail
 * server is configured: invitations then return their link instead.
 */
class MailServerEnvironment implements EnvironmentPostProcessor {

	static final String SMTP_HOST = "parley.mail.smtp-host";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String host = environment.getProperty(SMTP_HOST, "").trim();
		if (!host.isEmpty()) {
			// last: an explicit spring.mail.host (as the tests set) still wins
			environment.getPropertySources()
				.addLast(new MapPropertySource("parleySmtpHost", Map.of("spring.mail.host", host)));
		}
	}

}

package io.parley.workspace;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerEnvironmentTests {

	@Test
	void anSmtpHostBecomesTheMailSendersHost() {
		MockEnvironment environment = new MockEnvironment().withProperty(MailServerEnvironment.SMTP_HOST,
				" smtp.example.com ");

		new MailServerEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.com");
	}

	@Test
	void anEmptyOrMissingSmtpHostLeavesParleyWithoutAMailServer() {
		MockEnvironment empty = new MockEnvironment().withProperty(MailServerEnvironment.SMTP_HOST, " ");
		MockEnvironment missing = new MockEnvironment();

		new MailServerEnvironment().postProcessEnvironment(empty, new SpringApplication());
		new MailServerEnvironment().postProcessEnvironment(missing, new SpringApplication());

		assertThat(empty.containsProperty("spring.mail.host")).isFalse();
		assertThat(missing.containsProperty("spring.mail.host")).isFalse();
	}

	@Test
	void anExplicitSpringMailHostWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(MailServerEnvironment.SMTP_HOST, "smtp.example.com")
			.withProperty("spring.mail.host", "relay.internal");

		new MailServerEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("relay.internal");
	}

}

package io.parley.workspace;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that is down: the invitation is stored and answered as usual, its mail
 * waits in the event publication registry, and goes out once the server is back.
 */
@ParleyIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationMailOutageIntegrationTests {

	private static final String SMTP_PASSWORD = "smtp-password-never-logged";

	private static final Pattern LINK = Pattern.compile("/invitation\\.html#([A-Za-z0-9_-]{43})\\s");

	private static int smtpPort;

	@DynamicPropertySource
	static void mailServerThatIsDown(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			smtpPort = socket.getLocalPort();
		}
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtpPort);
		registry.add("spring.mail.username", () -> "parley");
		registry.add("spring.mail.password", () -> SMTP_PASSWORD);
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
		registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
		registry.add("parley.events.retry-interval", () -> "200ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anInvitationMadeWhileTheMailServerIsDownIsKeptAndMailedOnceTheServerIsBack(CapturedOutput output)
			throws Exception {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = "invitee-" + UUID.randomUUID() + "@example.com";

		Reply reply = this.api.post("/api/invitations", workspace.owner().token(),
				Map.of("email", email, "role", "admin"));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		assertThat(reply.data().get("delivered").asBoolean()).isTrue();
		assertThat(reply.data().has("link")).isFalse();
		String id = reply.data().get("id").stringValue();
		assertThat(this.api.everyItem("/api/invitations", workspace.owner().token()).get(0).get("id").stringValue())
			.isEqualTo(id);
		Eventually.until("a failed attempt",
				() -> output.getAll().contains("Invitation " + id + " could not be mailed"));
		assertThat(unfinishedPublication(id)).as("the mail waits in the registry").isPresent();
		assertThat(output.getAll()).doesNotContain(SMTP_PASSWORD);

		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withUser("parley", SMTP_PASSWORD));
		smtp.start();
		try {
			Eventually.until("the mail", () -> !mailsTo(smtp, email).isEmpty());
			String secret = secretIn(mailsTo(smtp, email).get(0));

			Reply shown = TestWorkspace.lookUp(this.api, secret);
			assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
			assertThat(shown.data().get("email").stringValue()).isEqualTo(email);
			Eventually.until("the publication completed", () -> unfinishedPublication(id).isEmpty());
			assertThat(mailsTo(smtp, email)).as("one mail, however many attempts failed").hasSize(1);
			assertThat(output.getAll()).doesNotContain(secret);
		}
		finally {
			smtp.stop();
		}
	}

	private Optional<String> unfinishedPublication(String invitationId) {
		return this.jdbc
			.sql("SELECT status FROM event_publication WHERE listener_id = 'invitation-mail'"
					+ " AND completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + invitationId + "%")
			.query(String.class)
			.optional();
	}

	private static List<MimeMessage> mailsTo(GreenMail smtp, String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return Arrays.stream(mail.getRecipients(RecipientType.TO))
					.anyMatch((to) -> to.toString().equals(email));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String secretIn(MimeMessage mail) throws Exception {
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

}

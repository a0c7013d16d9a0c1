package io.parley.workspace;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.ParleyApplication;
import io.parley.support.Api;
import io.parley.support.Eventually;
import io.parley.support.TestDatabase;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server dies after an invitation is committed but before its mail went out: the
 * event publication left unfinished in the database is completed by the next start.
 */
class InvitationMailAfterCrashIntegrationTests {

	private static final Pattern LINK = Pattern.compile("/invitation\\.html#([A-Za-z0-9_-]{43})\\s");

	@Test
	void anInvitationMailLeftUnsentIsSentByTheNextStartOnTheSameDatabase() throws Exception {
		Path data = TestDatabase.newDataDirectory();
		String email = "invitee-" + UUID.randomUUID() + "@example.com";
		String handedOver;
		try (ConfigurableApplicationContext crashed = start(data)) {
			Api api = new Api(port(crashed));
			TestWorkspace workspace = TestWorkspace.create(api);
			handedOver = workspace.invite(api, email, Map.of("role", "admin"));
			leaveMailUnsent(crashed, workspace, email);
		}

		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try (ConfigurableApplicationContext restarted = start(data, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--spring.mail.properties.mail.smtp.starttls.enable=false",
				"--spring.mail.properties.mail.smtp.starttls.required=false")) {
			MimeMessage mail = awaitMailTo(smtp, email);
			String secret = secretIn(mail);
			Api api = new Api(port(restarted));

			assertThat(TestWorkspace.lookUp(api, secret).status()).isEqualTo(200);
			assertThat(TestWorkspace.lookUp(api, handedOver).status()).as("the mailed link replaces the earlier one")
				.isEqualTo(404);
			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			awaitNoPublicationFor(jdbc, email);
		}
		finally {
			smtp.stop();
		}
	}

	/**
	 * What a crash between the commit and the mail leaves behind: the invitation and its
	 * publication, which no listener has taken up.
	 */
	private static void leaveMailUnsent(ConfigurableApplicationContext context, TestWorkspace workspace, String email) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		UUID invitation = jdbc.sql("SELECT id FROM invitations WHERE email = ?")
			.param(email)
			.query(UUID.class)
			.single();
		String event = context.getBean(EventSerializer.class)
			.serialize(
					new InvitationIssued(new InvitationId(invitation), WorkspaceId.parse(workspace.id()).orElseThrow()))
			.toString();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts)
				VALUES (?, 'invitation-mail', ?, ?, ?, 'PUBLISHED', 0)
				""")
			.params(UUID.randomUUID(), InvitationIssued.class.getName(), event, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		assertThat(count(jdbc, invitation.toString())).isEqualTo(1);
	}

	private static MimeMessage awaitMailTo(GreenMail smtp, String email) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		Optional<MimeMessage> mail = mailTo(smtp, email);
		while (mail.isEmpty() && System.nanoTime() < deadline) {
			smtp.waitForIncomingEmail(100, smtp.getReceivedMessages().length + 1);
			mail = mailTo(smtp, email);
		}
		assertThat(mail).as("a mail to " + email).isPresent();
		return mail.get();
	}

	/** The publication is deleted after the mail went out, a moment later. */
	private static void awaitNoPublicationFor(JdbcClient jdbc, String email) {
		String invitation = jdbc.sql("SELECT id FROM invitations WHERE email = ?")
			.param(email)
			.query(String.class)
			.single();
		Eventually.until("the publication of the mail to " + email + " is deleted", () -> count(jdbc, invitation) == 0);
	}

	private static long count(JdbcClient jdbc, String invitation) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + invitation + "%")
			.query(Long.class)
			.single();
	}

	private static Optional<MimeMessage> mailTo(GreenMail smtp, String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((mail) -> {
			try {
				return Arrays.stream(mail.getRecipients(RecipientType.TO))
					.anyMatch((to) -> to.toString().equals(email));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst();
	}

	private static String secretIn(MimeMessage mail) throws Exception {
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

	private static ConfigurableApplicationContext start(Path data, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		for (String property : TestDatabase.properties(data)) {
			arguments.add("--" + property);
		}
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(ParleyApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}

package io.parley.identity;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
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
 * A mail server that cannot be reached: the invitation is not stored, and the inviter is
 * told the mail was not sent.
 */
@ParleyIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationMailFailureIntegrationTests {

	private static final String SMTP_PASSWORD = "smtp-password-never-logged";

	@DynamicPropertySource
	static void unreachableMailServer(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> closedPort);
		registry.add("spring.mail.username", () -> "parley");
		registry.add("spring.mail.password", () -> SMTP_PASSWORD);
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
	void aMailThatCannotBeSentStoresNothingAndKeepsTheEarlierLink(CapturedOutput output) {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = "invitee-" + UUID.randomUUID() + "@example.com";
		UUID earlier = earlierInvitation(workspace, email);

		Reply reply = this.api.post("/api/invitations", workspace.owner().token(),
				Map.of("email", email, "role", "admin"));

		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.error()).isEqualTo("Could not send the email, try again later");
		assertThat(this.jdbc.sql("SELECT id FROM invitations WHERE email = ?").param(email).query(UUID.class).list())
			.containsExactly(earlier);
		assertThat(output.getAll()).contains("could not be mailed").doesNotContain(SMTP_PASSWORD);
	}

	/** A pending invitation made before the mail server went away. */
	private UUID earlierInvitation(TestWorkspace workspace, String email) {
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, expires_at, created_at)
				VALUES (?, ?, ?, 'admin', ?, ?, ?, ?)
				""")
			.params(id, UUID.fromString(workspace.id()), email, UUID.randomUUID().toString().replace("-", ""),
					UUID.fromString(workspace.owner().id()), now.plusDays(1), now)
			.update();
		return id;
	}

}

package io.parley.workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server (no {@code SMTP_HOST}, as in the default test configuration) an
 * invitation is stored and its link handed to the inviter; and the page the link opens.
 */
@ParleyIntegrationTest
class InvitationWithoutMailIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void withoutAMailServerTheInvitationCarriesItsLink() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = "invitee-" + UUID.randomUUID() + "@example.com";

		Reply invited = this.api.post("/api/invitations", workspace.owner().token(),
				Map.of("email", email, "role", "admin"));

		assertThat(this.context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
		assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
		assertThat(invited.data().get("delivered").asBoolean()).isFalse();
		String link = invited.data().get("link").stringValue();
		assertThat(link).matches("http://localhost:8080/invitation\\.html#[A-Za-z0-9_-]{43}");
		String secret = link.substring(link.indexOf('#') + 1);

		assertThat(TestWorkspace.lookUp(this.api, secret).data().get("email").stringValue()).isEqualTo(email);
		Reply accepted = TestWorkspace.accept(this.api, secret, Map.of("name", "Ada", "password", "newpass123"));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		assertThat(accepted.data().get("id").stringValue()).isEqualTo(workspace.id());
		assertThat(this.api.everyItem("/api/invitations", workspace.owner().token())).isEmpty();
	}

	@Test
	void theSecretTravelsInTheBodyNeverInAPath() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String secret = workspace.invite(this.api, "invitee-" + UUID.randomUUID() + "@example.com",
				Map.of("role", "agent"));

		for (Reply old : List.of(this.api.get("/api/invitation-links/" + secret, null),
				this.api.post("/api/invitation-links/" + secret + "/accept", null,
						Map.of("name", "Ada", "password", "newpass123")))) {
			assertThat(old.status()).as(old.raw()).isEqualTo(401);
		}
		for (String body : List.of("{}", "{\"secret\":42}", "{\"secret\":\"" + "x".repeat(201) + "\"}")) {
			Reply reply = this.api.post("/api/invitation-links/lookup", null, body);
			assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("Invalid request schema");
		}
		Reply withoutSecret = this.api.post("/api/invitation-links/accept", null,
				Map.of("name", "Ada", "password", "newpass123"));
		assertThat(withoutSecret.error()).isEqualTo("Invalid request schema");
		assertThat(TestWorkspace.lookUp(this.api, secret).status()).isEqualTo(200);
		assertThat(TestWorkspace.accept(this.api, secret, Map.of("name", "Ada", "password", "newpass123")).status())
			.isEqualTo(200);
	}

	@Test
	void theInvitationPageIsServedWithoutAToken() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/invitation.html")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<script src=\"/invitation.js\"></script>").doesNotContain("innerHTML");
		HttpResponse<String> script = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/invitation.js")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("api/invitation-links/lookup", "replaceState", "textContent")
			.doesNotContain("innerHTML");
	}

	@Test
	void aUsedLinkWhoseCustomRoleWasDeletedStillSaysItWasUsed() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String owner = workspace.owner().token();
		String role = this.api
			.post("/api/roles", owner, Map.of("name", "Temporary", "permissions", List.of("workspace.view")))
			.data()
			.get("id")
			.stringValue();
		String secret = workspace.invite(this.api, "invitee-" + UUID.randomUUID() + "@example.com",
				Map.of("customRoleId", role));
		String token = this.api
			.post("/api/invitation-links/accept", null,
					Map.of("secret", secret, "name", "Ada", "password", "newpass123"))
			.data()
			.get("token")
			.stringValue();
		String member = this.api.get("/auth/me", token).data().get("_id").stringValue();
		assertThat(this.api.send("PATCH", "/api/members/" + member, owner, "application/json", "{\"role\": \"agent\"}")
			.status()).isEqualTo(200);
		assertThat(this.api.send("DELETE", "/api/roles/" + role, owner, null, null).status()).isEqualTo(200);

		Reply reply = TestWorkspace.lookUp(this.api, secret);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(410);
		assertThat(reply.error()).isEqualTo("Invitation has already been used");
		assertThat(this.api.get("/api/invitations", owner).status()).isEqualTo(200);
	}

	@Test
	void theOldInvitationsPathNeedsAToken() {
		Reply reply = this.api.get("/api/invitations", null);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.error()).isEqualTo("Unauthorized, token missing or invalid");
	}

}

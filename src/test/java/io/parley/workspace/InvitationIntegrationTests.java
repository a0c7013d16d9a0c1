package io.parley.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Barriers;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations end to end, through a real SMTP server: the mail arrives, its link works
 * once, and only those allowed to invite can, to roles no stronger than their own.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@ExtendWith(OutputCaptureExtension.class)
class InvitationIntegrationTests {

	private static final String PUBLIC_URL = "https://parley.example.com";

	private static final Pattern LINK = Pattern
		.compile(Pattern.quote(PUBLIC_URL + "/invitation.html#") + "([A-Za-z0-9_-]{43})\\s");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", ServerSetupTest.SMTP::getBindAddress);
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
		registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
		registry.add("parley.public-url", () -> PUBLIC_URL + "/");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Value("${parley.invitations.lifetime}")
	Duration lifetime;

	Api api;

	TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theInvitationIsMailedToTheInvitedAddressWithItsLink(CapturedOutput output) throws Exception {
		String email = newEmail();
		Reply reply = invite(this.workspace.owner(), Map.of("email", email.toUpperCase(), "role", "admin"));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		assertThat(reply.data().get("email").stringValue()).isEqualTo(email);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("admin");
		assertThat(reply.data().get("delivered").asBoolean()).isTrue();
		assertThat(reply.data().has("link")).isFalse();
		Instant expiresAt = Instant.parse(reply.data().get("expiresAt").stringValue());
		assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(7).minusMinutes(1),
				Duration.ofDays(7));

		MimeMessage mail = mailTo(email);
		assertThat(mail.getSubject()).isEqualTo("You are invited to " + this.workspace.name() + " on Parley");
		assertThat(mail.getContentType()).startsWith("text/plain");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Parley <parley@localhost>");
		String text = (String) mail.getContent();
		assertThat(text).contains("Olivia Owner", this.workspace.owner().email(), this.workspace.name(), "as admin");
		String secret = secretIn(mail);

		String stored = this.jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?")
			.param(UUID.fromString(reply.data().get("id").stringValue()))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(sha256(secret));
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void theLinkShowsTheInvitationAndMakesANewAccountAMemberOnce(CapturedOutput output) throws Exception {
		String email = newEmail();
		invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String secret = secretIn(mailTo(email));

		Reply shown = TestWorkspace.lookUp(this.api, secret);
		assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
		assertThat(shown.data().get("workspaceName").stringValue()).isEqualTo(this.workspace.name());
		assertThat(shown.data().get("email").stringValue()).isEqualTo(email);
		assertThat(shown.data().get("role").stringValue()).isEqualTo("admin");
		assertThat(shown.data().get("accountExists").asBoolean()).isFalse();
		assertThat(shown.data().get("expiresAt").stringValue()).isNotBlank();

		Reply accepted = accept(secret, "Ada", "newpass123");
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		assertThat(accepted.data().get("id").stringValue()).isEqualTo(this.workspace.id());
		assertThat(accepted.data().get("role").stringValue()).isEqualTo("admin");
		assertThat(this.api.get("/api/workspace", accepted.data().get("token").stringValue()).status()).isEqualTo(200);

		String token = logIn(email, "newpass123", this.workspace.id());
		Reply current = this.api.get("/api/workspace", token);
		assertThat(current.data().get("name").stringValue()).isEqualTo(this.workspace.name());
		assertThat(this.api.get("/auth/me", token).data().get("name").stringValue()).isEqualTo("Ada");
		assertThat(invite(new TestUser(null, email, "admin", token), Map.of("email", newEmail(), "role", "admin"))
			.status()).isEqualTo(201);

		Reply again = accept(secret, "Eve", "otherpass1");
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.error()).isEqualTo("Invitation has already been used");
		assertThat(TestWorkspace.lookUp(this.api, secret).error()).isEqualTo("Invitation has already been used");
		assertThat(this.api.post("/auth/login", null, Map.of("email", email, "password", "otherpass1")).status())
			.isEqualTo(401);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void anExistingAccountIsLinkedWithItsPasswordAndAWrongOneChangesNothing() throws Exception {
		TestWorkspace elsewhere = TestWorkspace.create(this.api);
		String email = elsewhere.owner().email();
		invite(this.workspace.owner(),
				Map.of("email", email, "role", "agent", "supervisorId", this.workspace.owner().id()));
		String secret = secretIn(mailTo(email));

		assertThat(TestWorkspace.lookUp(this.api, secret).data().get("accountExists").asBoolean()).isTrue();
		Reply wrong = accept(secret, null, "not-the-password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.error()).isEqualTo("Invalid email or password");
		assertThat(logInReply(email, TestWorkspace.PASSWORD, this.workspace.id()).error())
			.isEqualTo("No active membership in a workspace");
		assertThat(pendingEmails(this.workspace.owner())).contains(email);

		Reply accepted = accept(secret, null, TestWorkspace.PASSWORD);
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		assertThat(accepted.data().get("role").stringValue()).isEqualTo("agent");
		String token = logIn(email, TestWorkspace.PASSWORD, this.workspace.id());
		assertThat(this.api.get("/auth/me", token).data().get("_id").stringValue()).isEqualTo(elsewhere.owner().id());
		assertThat(this.api.everyItem("/api/workspaces", token)).hasSize(2);
		Optional<String> supervisor = this.jdbc
			.sql("SELECT supervisor_id FROM memberships WHERE workspace_id = ? AND user_id = ?")
			.params(UUID.fromString(this.workspace.id()), UUID.fromString(elsewhere.owner().id()))
			.query(String.class)
			.optional();
		assertThat(supervisor).contains(this.workspace.owner().id());
		assertThat(pendingEmails(this.workspace.owner())).doesNotContain(email);
	}

	@Test
	void anExpiredLinkIsRefusedAndCreatesNothing() throws Exception {
		String email = newEmail();
		Reply invited = invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String secret = secretIn(mailTo(email));
		this.clock.advance(this.lifetime.minusMinutes(1));
		Reply stillUsable = TestWorkspace.lookUp(this.api, secret);
		this.clock.advance(Duration.ofMinutes(1));

		Reply shown = TestWorkspace.lookUp(this.api, secret);
		Reply accepted = accept(secret, "Ada", "newpass123");

		assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
		assertThat(stillUsable.status()).as(stillUsable.raw()).isEqualTo(200);
		assertThat(shown.status()).isEqualTo(410);
		assertThat(shown.error()).isEqualTo("Invitation has expired");
		assertThat(accepted.status()).isEqualTo(410);
		assertThat(accepted.error()).isEqualTo("Invitation has expired");
		assertThat(this.api.post("/auth/login", null, Map.of("email", email, "password", "newpass123")).status())
			.isEqualTo(401);
		// the owner's token of a week ago has expired too
		TestUser owner = this.workspace.owner();
		String token = logIn(owner.email(), TestWorkspace.PASSWORD, this.workspace.id());
		assertThat(pendingEmails(new TestUser(owner.id(), owner.email(), owner.role(), token))).doesNotContain(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void anUnknownLinkIsNotFound(String secret) {
		Reply shown = TestWorkspace.lookUp(this.api, secret);
		Reply accepted = accept(secret, "Ada", "newpass123");

		assertThat(shown.status()).isEqualTo(404);
		assertThat(shown.error()).isEqualTo("Invitation not found");
		assertThat(accepted.status()).isEqualTo(404);
		assertThat(accepted.error()).isEqualTo("Invitation not found");
	}

	@Test
	void twoConcurrentAcceptsOfOneLinkMakeOneMember() throws Exception {
		String email = newEmail();
		invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String secret = secretIn(mailTo(email));
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<Integer> statuses = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (String name : List.of("First", "Second")) {
				replies.add(threads.submit(() -> {
					Barriers.await(barrier);
					return accept(secret, name, "newpass123");
				}));
			}
			for (Future<Reply> reply : replies) {
				statuses.add(reply.get().status());
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(statuses).containsExactlyInAnyOrder(200, 410);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM memberships WHERE workspace_id = ?")
			.param(UUID.fromString(this.workspace.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aNewAccountNeedsANameAndAPasswordOfSixCharacters() throws Exception {
		String email = newEmail();
		invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String secret = secretIn(mailTo(email));

		assertThat(accept(secret, null, "newpass123").error()).isEqualTo("Invalid request schema");
		assertThat(accept(secret, "  ", "newpass123").error()).isEqualTo("Invalid request schema");
		assertThat(accept(secret, "Ada", "short").error()).isEqualTo("Invalid request schema");
		assertThat(
				this.api.post("/api/invitation-links/accept", null, "{\"secret\":\"" + secret + "\",\"name\":\"Ada\"}")
					.error())
			.isEqualTo("Invalid request schema");
		assertThat(accept(secret, "Ada", "newpass123").status()).isEqualTo(200);
	}

	@Test
	void aNewInvitationToTheSameAddressReplacesTheEarlierLink() throws Exception {
		String email = newEmail();
		invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String first = secretIn(mailTo(email));
		invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
		String second = secretIn(mailNumber(2, email));

		assertThat(second).isNotEqualTo(first);
		assertThat(TestWorkspace.lookUp(this.api, first).status()).isEqualTo(404);
		assertThat(TestWorkspace.lookUp(this.api, second).status()).isEqualTo(200);
		assertThat(pendingEmails(this.workspace.owner())).containsOnlyOnce(email);
	}

	@Test
	void pendingInvitationsAreListedAndCanBeRevoked() throws Exception {
		String email = newEmail();
		String id = invite(this.workspace.owner(), Map.of("email", email, "role", "admin")).data()
			.get("id")
			.stringValue();
		String secret = secretIn(mailTo(email));

		var listed = this.api.everyItem("/api/invitations", this.workspace.owner().token());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").stringValue()).isEqualTo(id);
		assertThat(listed.get(0).get("invitedBy").stringValue()).isEqualTo(this.workspace.owner().id());
		assertThat(listed.get(0).has("link")).isFalse();

		Reply revoked = revoke(this.workspace.owner(), id);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(pendingEmails(this.workspace.owner())).isEmpty();
		assertThat(TestWorkspace.lookUp(this.api, secret).error()).isEqualTo("Invitation not found");
		assertThat(revoke(this.workspace.owner(), id).error()).isEqualTo("Invitation not found");
	}

	@Test
	void agentsSupervisorsCandidatesAndStrangersMayNotInvite() throws Exception {
		TestUser supervisor = join(Map.of("role", "supervisor"));
		TestUser agent = join(Map.of("role", "agent", "supervisorId", supervisor.id()));
		TestUser candidate = this.api.signUp("candidate");
		String pendingEmail = newEmail();
		String pending = invite(this.workspace.owner(), Map.of("email", pendingEmail, "role", "admin")).data()
			.get("id")
			.stringValue();
		mailTo(pendingEmail);
		List<String> refused = new ArrayList<>();

		for (TestUser user : List.of(supervisor, agent, candidate)) {
			refused.add(newEmail());
			Reply invited = invite(user, Map.of("email", refused.get(refused.size() - 1), "role", "agent"));
			assertThat(invited.status()).as(user.role()).isEqualTo(403);
			assertThat(invited.error()).isEqualTo("Forbidden, insufficient permissions");
			assertThat(this.api.get("/api/invitations", user.token()).status()).isEqualTo(403);
			assertThat(revoke(user, pending).status()).isEqualTo(403);
		}
		refused.add(newEmail());
		Reply stranger = this.api.post("/api/invitations", null,
				Map.of("email", refused.get(refused.size() - 1), "role", "agent"));
		assertThat(stranger.status()).isEqualTo(401);
		assertThat(stranger.error()).isEqualTo("Unauthorized, token missing or invalid");
		assertThat(mailsToAny(refused)).isZero();
		assertThat(pendingEmails(this.workspace.owner())).hasSize(1);
	}

	@Test
	void aCustomRoleGrantedInvitingGrantsNoAdministrativePermissionItLacks() throws Exception {
		String recruiterRole = customRole("Recruiter", "members.invite workspace.view");
		String viewerRole = customRole("Viewer", "workspace.view");
		String analystRole = customRole("Analyst", "workspace.view analytics.view");
		TestUser recruiter = join(Map.of("customRoleId", recruiterRole));

		String email = newEmail();
		Reply invited = invite(recruiter, Map.of("email", email, "customRoleId", viewerRole));
		assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
		assertThat(invited.data().get("role").stringValue()).isEqualTo("Viewer");
		assertThat(TestWorkspace.lookUp(this.api, secretIn(mailTo(email))).data().get("role").stringValue())
			.isEqualTo("Viewer");

		assertThat(invite(recruiter, Map.of("email", newEmail(), "role", "agent")).status())
			.as("answering customers is not an administrative permission")
			.isEqualTo(201);
		for (Map<String, Object> stronger : List.<Map<String, Object>>of(Map.of("role", "admin"),
				Map.of("customRoleId", analystRole))) {
			Map<String, Object> body = new HashMap<>(stronger);
			body.put("email", newEmail());
			Reply refused = invite(recruiter, body);
			assertThat(refused.status()).as(stronger.toString()).isEqualTo(403);
			assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
		}
		assertThat(pendingEmails(this.workspace.owner())).hasSize(2).contains(email);
	}

	@Test
	void anAdminInvitesToEveryRoleButOwner() throws Exception {
		TestUser admin = join(Map.of("role", "admin"));

		for (String role : List.of("admin", "supervisor", "agent")) {
			assertThat(invite(admin, Map.of("email", newEmail(), "role", role)).status()).as(role).isEqualTo(201);
		}
		assertThat(invite(admin, Map.of("email", newEmail(), "role", "owner")).status()).isEqualTo(400);
	}

	@Test
	void activeAndDeactivatedMembersCannotBeInvitedAgain() throws Exception {
		TestUser admin = join(Map.of("role", "admin"));
		TestUser deactivated = join(Map.of("role", "admin"));
		this.jdbc.sql("UPDATE memberships SET active = FALSE WHERE workspace_id = ? AND user_id = ?")
			.params(UUID.fromString(this.workspace.id()), UUID.fromString(deactivated.id()))
			.update();
		List<String> members = List.of(this.workspace.owner().email(), admin.email(), deactivated.email());
		int mails = mailsToAny(members);

		for (String email : List.of(this.workspace.owner().email(), admin.email(), deactivated.email().toUpperCase())) {
			Reply reply = invite(this.workspace.owner(), Map.of("email", email, "role", "admin"));
			assertThat(reply.status()).as(email).isEqualTo(409);
			assertThat(reply.error()).isEqualTo("Already a member of this workspace");
		}
		assertThat(mailsToAny(members)).isEqualTo(mails);
		assertThat(pendingEmails(this.workspace.owner())).isEmpty();
	}

	@Test
	void anotherWorkspaceCanNeitherSeeNorRevokeTheseInvitations() throws Exception {
		TestWorkspace other = TestWorkspace.create(this.api);
		String email = newEmail();
		String id = invite(this.workspace.owner(), Map.of("email", email, "role", "admin")).data()
			.get("id")
			.stringValue();

		assertThat(pendingEmails(other.owner())).isEmpty();
		Reply foreign = revoke(other.owner(), id);
		Reply unknown = revoke(other.owner(), UUID.randomUUID().toString());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.error()).isEqualTo("Invitation not found");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error()).isEqualTo("Invitation not found");
		assertThat(revoke(other.owner(), "not-an-id").error()).isEqualTo("Invitation not found");
		assertThat(pendingEmails(this.workspace.owner())).containsExactly(email);
	}

	@Test
	void anInvitationGrantsMembershipOfItsOwnWorkspaceOnly() throws Exception {
		TestWorkspace other = TestWorkspace.create(this.api);
		TestUser admin = join(Map.of("role", "admin"));

		assertThat(logInReply(admin.email(), TestWorkspace.PASSWORD, other.id()).error())
			.isEqualTo("No active membership in a workspace");
		assertThat(this.api.post("/api/workspaces/" + other.id() + "/switch", admin.token(), "{}").status())
			.isEqualTo(404);
		assertThat(this.api.everyItem("/api/workspaces", admin.token())).hasSize(1);
	}

	@Test
	void rolesAndSupervisorsOfAnotherWorkspaceAreNotFound() {
		TestWorkspace other = TestWorkspace.create(this.api);
		String foreignRole = customRole(other, "Viewer", "workspace.view");

		Reply role = invite(this.workspace.owner(), Map.of("email", newEmail(), "customRoleId", foreignRole));
		Reply supervisor = invite(this.workspace.owner(),
				Map.of("email", newEmail(), "role", "agent", "supervisorId", other.owner().id()));

		assertThat(role.status()).isEqualTo(404);
		assertThat(role.error()).isEqualTo("Role not found");
		assertThat(supervisor.status()).isEqualTo(404);
		assertThat(supervisor.error()).isEqualTo("Supervisor not found");
	}

	@Test
	void anAgentsSupervisorMustBeAMemberWhoAssigns() throws Exception {
		TestUser admin = join(Map.of("role", "admin"));

		Reply notAssigning = invite(this.workspace.owner(),
				Map.of("email", newEmail(), "role", "agent", "supervisorId", admin.id()));
		Reply notAnAgent = invite(this.workspace.owner(),
				Map.of("email", newEmail(), "role", "admin", "supervisorId", this.workspace.owner().id()));

		assertThat(notAssigning.status()).isEqualTo(400);
		assertThat(notAssigning.error()).isEqualTo("Invalid supervisor role");
		assertThat(notAnAgent.status()).isEqualTo(400);
		assertThat(notAnAgent.error()).isEqualTo("Invalid request schema");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"role\":\"admin\"}", "{\"email\":\"not-an-email\",\"role\":\"admin\"}",
			"{\"email\":\"x@example.com\"}", "{\"email\":\"x@example.com\",\"role\":\"owner\"}",
			"{\"email\":\"x@example.com\",\"role\":\"candidate\"}", "{\"email\":\"x@example.com\",\"role\":\"king\"}",
			"{\"email\":\"x@example.com\",\"role\":\"admin\",\"customRoleId\":\"x\"}",
			"{\"email\":\"x@example.com\",\"role\":7}", "[]", "" })
	void aMalformedInvitationIsASchemaErrorAndSendsNothing(String body) throws Exception {
		Reply reply = this.api.post("/api/invitations", this.workspace.owner().token(), body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(mailsTo("x@example.com")).isEmpty();
		assertThat(pendingEmails(this.workspace.owner())).isEmpty();
	}

	/** A new member of the test's workspace, invited by its owner through the mail. */
	private TestUser join(Map<String, Object> invitation) throws Exception {
		String email = newEmail();
		Map<String, Object> body = new HashMap<>(invitation);
		body.put("email", email);
		Reply invited = invite(this.workspace.owner(), body);
		assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
		Reply accepted = accept(secretIn(mailTo(email)), "Member", TestWorkspace.PASSWORD);
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		String token = accepted.data().get("token").stringValue();
		String id = this.api.get("/auth/me", token).data().get("_id").stringValue();
		return new TestUser(id, email, accepted.data().get("role").stringValue(), token);
	}

	private Reply invite(TestUser inviter, Map<String, Object> body) {
		return this.api.post("/api/invitations", inviter.token(), body);
	}

	private Reply revoke(TestUser user, String id) {
		return this.api.send("DELETE", "/api/invitations/" + id, user.token(), null, null);
	}

	private Reply accept(String secret, String name, String password) {
		Map<String, Object> body = new HashMap<>();
		body.put("password", password);
		if (name != null) {
			body.put("name", name);
		}
		return TestWorkspace.accept(this.api, secret, body);
	}

	private List<String> pendingEmails(TestUser user) {
		List<String> emails = new ArrayList<>();
		this.api.everyItem("/api/invitations", user.token())
			.forEach((invitation) -> emails.add(invitation.get("email").stringValue()));
		return emails;
	}

	private Reply logInReply(String email, String password, String workspaceId) {
		return this.api.post("/auth/login", null,
				Map.of("email", email, "password", password, "workspaceId", workspaceId));
	}

	private String logIn(String email, String password, String workspaceId) {
		Reply reply = logInReply(email, password, workspaceId);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data().get("token").stringValue();
	}

	private String customRole(String name, String permissions) {
		return customRole(this.workspace, name, permissions);
	}

	private String customRole(TestWorkspace in, String name, String permissions) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO roles (id, workspace_id, name, name_key, permissions, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, UUID.fromString(in.id()), name, name.toLowerCase(Locale.ROOT), permissions,
					OffsetDateTime.now())
			.update();
		return id.toString();
	}

	private static String newEmail() {
		return "invitee-" + UUID.randomUUID() + "@example.com";
	}

	private static MimeMessage mailTo(String email) throws Exception {
		return mailNumber(1, email);
	}

	/**
	 * Waits for the {@code number}th mail to {@code email}: mail goes out after the
	 * invitation's response.
	 */
	private static MimeMessage mailNumber(int number, String email) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		List<MimeMessage> mails = mailsTo(email);
		while (mails.size() < number && Instant.now().isBefore(deadline)) {
			smtp.waitForIncomingEmail(100, smtp.getReceivedMessages().length + 1);
			mails = mailsTo(email);
		}
		assertThat(mails).as("mails to " + email).hasSize(number);
		return mails.get(number - 1);
	}

	/**
	 * Mails to these addresses only: mail of earlier tests may still be arriving, so the
	 * server's total says nothing.
	 */
	private static int mailsToAny(List<String> emails) throws Exception {
		int count = 0;
		for (String email : emails) {
			count += mailsTo(email).size();
		}
		return count;
	}

	private static List<MimeMessage> mailsTo(String email) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (Arrays.stream(mail.getRecipients(RecipientType.TO)).anyMatch((to) -> to.toString().equals(email))) {
				mails.add(mail);
			}
		}
		return mails;
	}

	private static String secretIn(MimeMessage mail) throws Exception {
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).as("a link in the mail").isTrue();
		return link.group(1);
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}

package io.parley.workspace;

import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Browser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.system.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invitation page in a headless Chromium: what the invitee sees from the link on, and
 * that accepting there makes them a member who can sign in.
 */
@ParleyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationPageBrowserTests {

	static final String NEW_PASSWORD = "newpass123";

	@LocalServerPort
	int port;

	Api api;

	Browser browser;

	InvitationPage page;

	@BeforeAll
	void startBrowser() {
		this.api = new Api(this.port);
		this.browser = Browser.start(this.port);
		this.page = new InvitationPage(this.browser);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aNewPersonChoosesANameAndAPasswordAndBecomesAMember() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = newEmail();
		String secret = workspace.invite(this.api, email, Map.of("role", "agent"));

		this.page.open(secret);

		this.page.awaitStatus(InvitationPage.INVITED);
		assertThat(this.page.address()).as("the secret leaves the address bar")
			.doesNotContain(secret)
			.endsWith("/invitation.html");
		assertThat(this.page.workspace()).isEqualTo(workspace.name());
		assertThat(this.page.email()).isEqualTo(email);
		assertThat(this.page.role()).isEqualTo("agent");
		assertThat(this.page.asksForName()).isTrue();
		assertThat(this.page.hint())
			.isEqualTo("Choose your name and a password (at least 6 characters) for your new account.");
		assertThat(this.page.fieldNames()).containsExactly("Your name", "Password");

		this.page.accept("Ada Lovelace", NEW_PASSWORD);

		this.page.awaitStatus(welcome(workspace.name(), "agent", email));
		assertThat(this.page.showsInvitation()).isFalse();
		assertThat(this.page.typedPassword()).as("the page forgets the password").isEmpty();
		String token = logIn(email, NEW_PASSWORD, workspace);
		JsonNode member = this.api.get("/api/members", token)
			.data()
			.get("items")
			.valueStream()
			.filter((candidate) -> email.equals(candidate.get("email").stringValue()))
			.findFirst()
			.orElseThrow();
		assertThat(member.get("name").stringValue()).isEqualTo("Ada Lovelace");
		assertThat(member.get("role").stringValue()).isEqualTo("agent");
		assertThat(member.get("active").booleanValue()).isTrue();
	}

	@Test
	void aLinkOpenedAgainAfterItWasAcceptedSaysItWasUsed() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = newEmail();
		String secret = workspace.invite(this.api, email, Map.of("role", "supervisor"));
		this.page.open(secret);
		this.page.awaitStatus(InvitationPage.INVITED);
		this.page.accept("Grace", NEW_PASSWORD);
		this.page.awaitStatus(welcome(workspace.name(), "supervisor", email));

		this.page.open(secret);

		String used = TestWorkspace.lookUp(this.api, secret).error();
		assertThat(used).isEqualTo(ErrorCode.INVITATION_USED.text());
		this.page.awaitStatus(used);
		assertThat(this.page.showsInvitation()).isFalse();
	}

	@Test
	void anExistingAccountOnlyEntersItsPassword() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = TestWorkspace.create(this.api).owner().email();
		String secret = workspace.invite(this.api, email, Map.of("role", "admin"));

		this.page.open(secret);

		this.page.awaitStatus(InvitationPage.INVITED);
		assertThat(this.page.email()).isEqualTo(email);
		assertThat(this.page.asksForName()).isFalse();
		assertThat(this.page.hint()).isEqualTo("You already have an account with this email: enter its password.");

		this.page.accept(null, "not-the-password");

		this.page.awaitStatus(ErrorCode.INVALID_CREDENTIALS.text());
		assertThat(this.page.showsInvitation()).isTrue();

		this.page.accept(null, TestWorkspace.PASSWORD);

		this.page.awaitStatus(welcome(workspace.name(), "admin", email));
		assertThat(this.page.showsInvitation()).isFalse();
		assertThat(this.page.address()).doesNotContain(secret);
		logIn(email, TestWorkspace.PASSWORD, workspace);
	}

	@Test
	void aLinkWithoutItsSecretIsIncomplete() {
		this.page.openWithoutSecret();

		this.page.awaitStatus("This link is incomplete: open the link from your invitation email.");
		assertThat(this.page.showsInvitation()).isFalse();
		assertThat(this.page.statusRole()).isEqualTo("status");
	}

	@Test
	void aDoubleClickOnAcceptJoinsOnce() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String email = newEmail();
		this.page.open(workspace.invite(this.api, email, Map.of("role", "agent")));
		this.page.awaitStatus(InvitationPage.INVITED);

		this.page.acceptWithDoubleClick("Ada", NEW_PASSWORD);

		this.page.awaitStatus(welcome(workspace.name(), "agent", email));
		assertThat(this.page.canAccept()).isFalse();
		logIn(email, NEW_PASSWORD, workspace);
	}

	@Test
	void anotherLinkEnteredInTheSameTabShowsItsInvitation() {
		TestWorkspace first = TestWorkspace.create(this.api);
		TestWorkspace second = TestWorkspace.create(this.api);
		String email = newEmail();
		this.page.open(first.invite(this.api, email, Map.of("role", "agent")));
		this.page.awaitStatus(InvitationPage.INVITED);
		assertThat(this.page.workspace()).isEqualTo(first.name());

		String secret = second.invite(this.api, email, Map.of("role", "supervisor"));
		this.page.enterLinkInSameTab(secret);

		this.page.awaitWorkspace(second.name());
		this.page.awaitStatus(InvitationPage.INVITED);
		assertThat(this.page.address()).doesNotContain(secret);
		assertThat(this.page.role()).isEqualTo("supervisor");
		this.page.accept("Ada", NEW_PASSWORD);
		this.page.awaitStatus(welcome(second.name(), "supervisor", email));
	}

	@Test
	void namesAreShownAsTextNeverAsMarkup() {
		String name = "<img src=x onerror=alert(1)>Acme";
		TestWorkspace workspace = TestWorkspace.create(this.api, name);
		String email = newEmail();
		String secret = workspace.invite(this.api, email, Map.of("role", "agent"));

		this.page.open(secret);

		this.page.awaitStatus(InvitationPage.INVITED);
		assertThat(this.page.workspace()).isEqualTo(name);
		assertThat(this.page.images()).isEmpty();

		this.page.accept("<img src=y onerror=alert(2)>Ada", NEW_PASSWORD);

		this.page.awaitStatus(welcome(name, "agent", email));
		assertThat(this.page.images()).isEmpty();
	}

	private static String welcome(String workspace, String role, String email) {
		return "Welcome to " + workspace + "! You are now a member as " + role + ". Sign in with " + email + ".";
	}

	private static String newEmail() {
		return "invitee-" + UUID.randomUUID() + "@example.com";
	}

	/** Logs in to the workspace through {@code POST /auth/login}; returns the token. */
	private String logIn(String email, String password, TestWorkspace workspace) {
		Reply login = this.api.post("/auth/login", null,
				Map.of("email", email, "password", password, "workspaceId", workspace.id()));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return login.data().get("token").stringValue();
	}

}

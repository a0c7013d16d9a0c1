package io.parley.dashboard;

import java.util.Map;
import java.util.UUID;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members and invitations page over HTTP, as its forms and htmx send them: open to
 * those who manage or invite members, every action checked on the server, refusals shown
 * beside their field with nothing changed, other workspaces' members and invitations
 * answered as missing, and forms without the CSRF token refused.
 */
@ParleyIntegrationTest
class DashboardMembersSettingsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anAgentIsOfferedNoMembersPageAndIsRefusedEveryActionWithNothingChanged() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		TestUser other = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);

		Page index = browser.get("/app/settings");
		Page page = browser.get("/app/settings/members");
		Page promote = browser.post("/app/settings/members/" + other.id() + "/role", Map.of("role", "admin"));
		Page deactivate = browser.post("/app/settings/members/" + other.id() + "/deactivate", Map.of());
		Page invite = browser.post("/app/settings/members/invitations", Map.of("email", newEmail(), "role", "agent"));

		assertThat(index.body()).doesNotContain("id=\"section-members\"").doesNotContain("id=\"section-roles\"");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("You may not do this with your role.");
		assertThat(promote.status()).isEqualTo(403);
		assertThat(deactivate.status()).isEqualTo(403);
		assertThat(invite.status()).isEqualTo(403);
		JsonNode member = member(workspace, other.id());
		assertThat(member.get("role").stringValue()).isEqualTo("agent");
		assertThat(member.get("active").asBoolean()).isTrue();
		assertThat(pending(workspace).size()).isZero();
	}

	@Test
	void anAdminSeesTheMembersAndInvitesSomeoneWhoseLinkIsShownToHandOver() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		String email = newEmail();

		Page index = browser.get("/app/settings");
		Page page = browser.get("/app/settings/members");
		Page invited = browser.post("/app/settings/members/invitations", Map.of("email", email, "role", "supervisor"));

		assertThat(index.body()).contains("id=\"section-members\"").contains("id=\"section-roles\"");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"member-" + agent.id() + "\"")
			.contains(agent.email())
			.contains(workspace.owner().email())
			.contains("No invitation is waiting to be accepted.");
		assertThat(page.body()).as("nobody changes their own membership, nor the owner's")
			.doesNotContain("id=\"role-" + admin.id() + "\"")
			.doesNotContain("id=\"role-" + workspace.owner().id() + "\"")
			.contains("id=\"role-" + agent.id() + "\"");
		assertThat(invited.status()).isEqualTo(200);
		assertThat(invited.body()).contains("No mail server is set up").contains("id=\"invitation-link\"");
		String secret = secretIn(invited.body());
		JsonNode offered = TestWorkspace.lookUp(this.api, secret).data();
		assertThat(offered.get("email").stringValue()).isEqualTo(email);
		assertThat(offered.get("role").stringValue()).isEqualTo("supervisor");
		assertThat(invited.body()).contains("<td>" + email + "</td>");
		assertThat(pending(workspace).size()).isEqualTo(1);
		assertThat(browser.getInLanguage("/app/settings/members", "de").body()).contains("Mitglieder und Einladungen")
			.contains("Einladung senden")
			.contains("Zweiter Faktor");
	}

	@Test
	void sendingAgainGivesANewLinkAndRevokingEndsIt() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		String email = newEmail();
		String first = secretIn(
				owner.post("/app/settings/members/invitations", Map.of("email", email, "role", "agent")).body());
		String id = pending(workspace).get(0).get("id").stringValue();

		Page again = owner.post("/app/settings/members/invitations/" + id + "/resend", Map.of());
		String second = secretIn(again.body());
		String newId = pending(workspace).get(0).get("id").stringValue();

		assertThat(again.status()).isEqualTo(200);
		assertThat(second).isNotEqualTo(first);
		assertThat(TestWorkspace.lookUp(this.api, first).status()).as("the first link").isNotEqualTo(200);
		assertThat(TestWorkspace.lookUp(this.api, second).data().get("role").stringValue()).isEqualTo("agent");
		assertThat(pending(workspace).size()).isEqualTo(1);

		Page revoked = owner.post("/app/settings/members/invitations/" + newId + "/revoke", Map.of());

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.location()).endsWith("/app/settings/members?revoked");
		assertThat(pending(workspace).size()).isZero();
		assertThat(TestWorkspace.lookUp(this.api, second).status()).isNotEqualTo(200);
		assertThat(owner.get("/app/settings/members?revoked").body()).contains("The invitation was revoked.");
	}

	@Test
	void aRefusedInvitationComesBackWithWhatWasTypedAndTheReasonBesideTheField() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);

		Page notAnAddress = owner.post("/app/settings/members/invitations",
				Map.of("email", "not an address", "role", "agent"));
		Page member = owner.post("/app/settings/members/invitations", Map.of("email", agent.email(), "role", "agent"));
		Page unknownRole = owner.post("/app/settings/members/invitations",
				Map.of("email", newEmail(), "role", "superuser"));

		assertThat(notAnAddress.status()).isEqualTo(400);
		assertThat(notAnAddress.body()).contains("id=\"invite-email-error\"")
			.contains("Enter an email address, like sam@example.com.")
			.contains("value=\"not an address\"")
			.contains("aria-invalid=\"true\"")
			.contains("id=\"members\"");
		assertThat(member.status()).isEqualTo(409);
		assertThat(member.body()).contains("id=\"invite-email-error\"")
			.contains("This address already belongs to a member of the workspace.");
		assertThat(unknownRole.status()).isEqualTo(400);
		assertThat(unknownRole.body()).contains("id=\"invite-role-error\"");
		assertThat(pending(workspace).size()).isZero();
	}

	@Test
	void anAdminChangesARoleDeactivatesAndReactivatesWithHtmxOrPlainForms() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		browser.get("/app/settings/members");

		Page promoted = browser.htmxPost("/app/settings/members/" + agent.id() + "/role", "role=supervisor");

		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.body()).startsWith("<tr id=\"member-" + agent.id() + "\"")
			.contains("<option value=\"supervisor\" selected=\"selected\">")
			.doesNotContain("<html");
		assertThat(member(workspace, agent.id()).get("role").stringValue()).isEqualTo("supervisor");

		Page deactivated = browser.post("/app/settings/members/" + agent.id() + "/deactivate", Map.of());

		assertThat(deactivated.status()).isEqualTo(302);
		assertThat(deactivated.location()).endsWith("/app/settings/members?saved");
		assertThat(member(workspace, agent.id()).get("active").asBoolean()).isFalse();
		assertThat(browser.get("/app/settings/members").body()).contains("id=\"activate-" + agent.id() + "\"")
			.contains("Deactivated");

		Page reactivated = browser.htmxPost("/app/settings/members/" + agent.id() + "/activate", "");

		assertThat(reactivated.status()).isEqualTo(200);
		assertThat(reactivated.body()).contains("id=\"deactivate-" + agent.id() + "\"");
		assertThat(member(workspace, agent.id()).get("active").asBoolean()).isTrue();
	}

	@Test
	void aRefusedChangeOfAMemberComesBackInItsRowWithTheReason() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		browser.get("/app/settings/members");
		String owner = workspace.owner().id();

		Page ownerRow = browser.htmxPost("/app/settings/members/" + owner + "/role", "role=agent");
		Page self = browser.post("/app/settings/members/" + admin.id() + "/deactivate", Map.of());

		assertThat(ownerRow.status()).isEqualTo(403);
		assertThat(ownerRow.body()).startsWith("<tr id=\"member-" + owner + "\"")
			.contains("id=\"member-error-" + owner + "\"")
			.contains("membership cannot be changed.");
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.body()).contains("id=\"member-error-" + admin.id() + "\"")
			.contains("You cannot change your own role or membership.");
		assertThat(member(workspace, owner).get("role").stringValue()).isEqualTo("owner");
		assertThat(member(workspace, admin.id()).get("active").asBoolean()).isTrue();
	}

	@Test
	void anotherWorkspacesMembersAndInvitationsAreNotFound() {
		TestWorkspace mine = TestWorkspace.create(this.api);
		TestWorkspace theirs = TestWorkspace.create(this.api);
		TestUser theirAgent = theirs.join(this.api, Map.of("role", "agent"));
		theirs.invite(this.api, newEmail(), Map.of("role", "agent"));
		String theirInvitation = pending(theirs).get(0).get("id").stringValue();
		DashboardClient browser = DashboardClient.signedIn(this.port, mine.owner().email(), TestWorkspace.PASSWORD);
		browser.get("/app/settings/members");

		Page promote = browser.post("/app/settings/members/" + theirAgent.id() + "/role", Map.of("role", "admin"));
		Page deactivate = browser.htmxPost("/app/settings/members/" + theirAgent.id() + "/deactivate", "");
		Page resend = browser.post("/app/settings/members/invitations/" + theirInvitation + "/resend", Map.of());
		Page revoke = browser.post("/app/settings/members/invitations/" + theirInvitation + "/revoke", Map.of());
		Page theirRole = browser.post("/app/settings/members/invitations",
				Map.of("email", newEmail(), "role", "custom:" + UUID.randomUUID()));

		assertThat(promote.status()).isEqualTo(404);
		assertThat(promote.body()).contains("This member does not exist in this workspace.");
		assertThat(deactivate.status()).isEqualTo(404);
		assertThat(resend.status()).isEqualTo(404);
		assertThat(revoke.status()).isEqualTo(404);
		assertThat(theirRole.status()).isEqualTo(404);
		assertThat(member(theirs, theirAgent.id()).get("role").stringValue()).isEqualTo("agent");
		assertThat(member(theirs, theirAgent.id()).get("active").asBoolean()).isTrue();
		assertThat(pending(theirs).get(0).get("id").stringValue()).isEqualTo(theirInvitation);
		assertThat(pending(mine).size()).isZero();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		owner.get("/app/settings/members");

		Page promote = owner.postWithoutToken("/app/settings/members/" + agent.id() + "/role", Map.of("role", "admin"));
		Page deactivate = owner.postWithoutToken("/app/settings/members/" + agent.id() + "/deactivate", Map.of());
		Page invite = owner.postWithoutToken("/app/settings/members/invitations",
				Map.of("email", newEmail(), "role", "agent"));

		assertThat(promote.status()).isEqualTo(403);
		assertThat(deactivate.status()).isEqualTo(403);
		assertThat(invite.status()).isEqualTo(403);
		assertThat(member(workspace, agent.id()).get("role").stringValue()).isEqualTo("agent");
		assertThat(member(workspace, agent.id()).get("active").asBoolean()).isTrue();
		assertThat(pending(workspace).size()).isZero();
	}

	private JsonNode member(TestWorkspace workspace, String userId) {
		return this.api.get("/api/members/" + userId, workspace.owner().token()).data();
	}

	private JsonNode pending(TestWorkspace workspace) {
		return this.api.get("/api/invitations", workspace.owner().token()).data().get("items");
	}

	/** The secret of the link the page shows to hand over. */
	private static String secretIn(String body) {
		return body.replaceAll("(?s).*id=\"invitation-link\"[^>]*value=\"[^\"#]*#([^\"]+)\".*", "$1");
	}

	private static String newEmail() {
		return "invitee-" + UUID.randomUUID() + "@example.com";
	}

}

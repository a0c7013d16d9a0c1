package io.parley.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailboxes' settings page over HTTP, against a real IMAP server (GreenMail): an
 * admin adds one and it shows connected, a wrong password shows the server's error, bad
 * values are marked beside their fields and store nothing, passwords never come back, and
 * only those who change the settings see any of it.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class DashboardMailboxSettingsIntegrationTests {

	static final String PAGE = "/app/settings/mailboxes";

	static final String PASSWORD = "mailbox-password-never-shown";

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	String address;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.address = "help-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
		mail.setUser(this.address, this.address, PASSWORD);
	}

	static Map<String, String> form(String address, int imapPort, int smtpPort, String password) {
		Map<String, String> form = new HashMap<>();
		form.putAll(Map.of("displayName", "Acme Help", "fromAddress", address, "imapHost", "127.0.0.1", "imapPort",
				String.valueOf(imapPort), "imapUser", address, "imapPassword", password, "smtpHost", "127.0.0.1",
				"smtpPort", String.valueOf(smtpPort), "smtpUser", address, "smtpPassword", password));
		form.put("signature", "-- \nAcme Help");
		return form;
	}

	@Test
	void anAdminAddsAMailboxThatShowsConnectedAndNeverItsPassword() {
		TestUser admin = this.workspace.join(this.api, Map.of("role", "admin"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		Page empty = browser.get(PAGE);

		Page forged = browser.postWithoutToken(PAGE, form(this.address, imap(), smtp(), PASSWORD));
		Page added = browser.post(PAGE, form(this.address, imap(), smtp(), PASSWORD));
		Page list = browser.get(PAGE + "?added");
		String id = this.api.get("/api/email-inboxes", admin.token()).data().get(0).get("id").stringValue();
		Page editor = browser.get(PAGE + "/" + id);
		Page renamed = browser.post(PAGE + "/" + id,
				new HashMap<>(Map.of("displayName", "Acme Care", "fromAddress", this.address, "imapHost", "127.0.0.1",
						"imapPort", String.valueOf(imap()), "imapUser", this.address, "smtpHost", "127.0.0.1",
						"smtpPort", String.valueOf(smtp()), "smtpUser", this.address, "signature", "Care")));

		assertThat(empty.body()).contains("No mailbox yet.");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		assertThat(list.body()).contains(this.address)
			.contains("Connected")
			.contains("Last sync: ")
			.doesNotContain(PASSWORD);
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("value=\"Acme Help\"").doesNotContain(PASSWORD);
		assertThat(renamed.status()).as("empty passwords keep the stored ones").isEqualTo(302);
		JsonNode inbox = this.api.get("/api/email-inboxes/" + id, admin.token()).data();
		assertThat(inbox.get("displayName").stringValue()).isEqualTo("Acme Care");
		assertThat(inbox.at("/state/connected").asBoolean()).as("still reads with the kept password").isTrue();
	}

	@Test
	void aWrongPasswordShowsTheServersErrorAndBadValuesAreMarkedWithNothingStored() {
		DashboardClient owner = DashboardClient.signedIn(this.port, this.workspace.owner().email(),
				TestWorkspace.PASSWORD);
		owner.get(PAGE);

		Map<String, String> bad = form("not an address", 70000, smtp(), "");
		bad.put("imapHost", "evil\r\nhost");
		Page refused = owner.post(PAGE, bad);
		Page wrongPassword = owner.post(PAGE, form(this.address, imap(), smtp(), "wrong-password"));
		Page list = owner.get(PAGE);
		Page duplicate = owner.post(PAGE, form(this.address.toUpperCase(), imap(), smtp(), PASSWORD));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"fromAddress-error\"")
			.contains("id=\"imapPort-error\"")
			.contains("id=\"imapHost-error\"")
			.contains("id=\"imapPassword-error\"")
			.doesNotContain("id=\"smtpPort-error\"")
			.contains("value=\"not an address\"");
		assertThat(wrongPassword.status()).isEqualTo(302);
		assertThat(list.body()).contains("Not connected").contains("Last error: ").doesNotContain("wrong-password");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body()).contains("id=\"fromAddress-error\"")
			.contains("This workspace has a mailbox with this address already.")
			.doesNotContain(PASSWORD);
		assertThat(this.api.get("/api/email-inboxes", this.workspace.owner().token()).data().size()).isEqualTo(1);
	}

	@Test
	void anAdminSendsTheMailboxsConversationsToASupervisorChosenFromThoseWhoMayRoute() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient owner = DashboardClient.signedIn(this.port, this.workspace.owner().email(),
				TestWorkspace.PASSWORD);
		Page empty = owner.get(PAGE);
		Map<String, String> routed = form(this.address, imap(), smtp(), PASSWORD);
		routed.put("defaultSupervisorId", supervisor.id());

		Page added = owner.post(PAGE, routed);
		String id = this.api.get("/api/email-inboxes", this.workspace.owner().token())
			.data()
			.get(0)
			.get("id")
			.stringValue();
		Page editor = owner.get(PAGE + "/" + id);
		Map<String, String> tampered = form(this.address, imap(), smtp(), "");
		tampered.put("displayName", "Renamed");
		tampered.put("defaultSupervisorId", agent.id());
		Page refused = owner.post(PAGE + "/" + id, tampered);
		JsonNode kept = this.api.get("/api/email-inboxes/" + id, this.workspace.owner().token()).data();
		Map<String, String> cleared = form(this.address, imap(), smtp(), "");
		cleared.put("defaultSupervisorId", "");
		Reply demoted = this.api.send("PATCH", "/api/members/" + supervisor.id(), this.workspace.owner().token(),
				"application/json", "{\"role\":\"agent\"}");
		assertThat(demoted.status()).as(demoted.raw()).isEqualTo(200);
		Page stale = owner.get(PAGE + "/" + id);
		Page saved = owner.post(PAGE + "/" + id, cleared);

		assertThat(empty.body()).contains("<option value=\"" + supervisor.id() + "\">")
			.contains("<option value=\"" + this.workspace.owner().id() + "\">")
			.as("an agent routes nothing")
			.doesNotContain(agent.id());
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		assertThat(editor.body()).contains("<option value=\"" + supervisor.id() + "\" selected=\"selected\">");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).contains("id=\"defaultSupervisorId-error\"")
			.contains("This member can no longer route conversations: choose another.");
		assertThat(kept.get("defaultSupervisorId").stringValue()).isEqualTo(supervisor.id());
		assertThat(kept.get("displayName").stringValue()).as("nothing saved").isEqualTo("Acme Help");
		assertThat(stale.body()).as("a stored choice gone stale stays selected, marked")
			.contains("<option value=\"" + supervisor.id() + "\" selected=\"selected\">")
			.contains("can no longer route");
		assertThat(saved.status()).isEqualTo(302);
		JsonNode after = this.api.get("/api/email-inboxes/" + id, this.workspace.owner().token())
			.data()
			.path("defaultSupervisorId");
		assertThat(after.isNull() || after.isMissingNode()).as("nobody in particular: " + after).isTrue();
	}

	@Test
	void aSupervisorIsOfferedNoMailboxesAndIsRefusedThem() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		String id = this.api.post("/api/email-inboxes", this.workspace.owner().token(),
				Map.of("displayName", "Acme", "fromAddress", this.address, "imap",
						Map.of("host", "127.0.0.1", "port", imap(), "secure", false, "user", this.address, "password",
								PASSWORD),
						"smtp", Map.of("host", "127.0.0.1", "port", smtp(), "secure", false, "user", this.address,
								"password", PASSWORD)))
			.data()
			.get("id")
			.stringValue();
		DashboardClient browser = DashboardClient.signedIn(this.port, supervisor.email(), TestWorkspace.PASSWORD);

		Page index = browser.get("/app/settings");
		Page list = browser.get(PAGE);
		Page editor = browser.get(PAGE + "/" + id);
		Page add = browser.post(PAGE, form("other@acme.test", imap(), smtp(), PASSWORD));
		Page check = browser.post(PAGE + "/" + id + "/check", Map.of());
		Page delete = browser.post(PAGE + "/" + id + "/delete", Map.of());

		assertThat(index.body()).doesNotContain("id=\"section-mailboxes\"");
		assertThat(list.status()).isEqualTo(403);
		assertThat(editor.status()).isEqualTo(403);
		assertThat(add.status()).isEqualTo(403);
		assertThat(check.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(this.api.get("/api/email-inboxes", this.workspace.owner().token()).data().size()).isEqualTo(1);
	}

	private static int imap() {
		return mail.getImap().getPort();
	}

	private static int smtp() {
		return mail.getSmtp().getPort();
	}

}

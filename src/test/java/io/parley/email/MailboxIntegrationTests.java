package io.parley.email;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class MailboxIntegrationTests {

	static final String IMAP_PASSWORD = "imap-password-never-shown";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	TestWorkspace workspace;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
	}

	static Map<String, Object> mailbox(String address, int imapPort, int smtpPort) {
		return Map.of("displayName", "Acme Support", "fromAddress", address, "imap",
				Map.of("host", "127.0.0.1", "port", imapPort, "secure", false, "user", address, "password",
						IMAP_PASSWORD),
				"smtp", Map.of("host", "127.0.0.1", "port", smtpPort, "secure", false, "user", address, "password",
						IMAP_PASSWORD),
				"signature", "-- \nAcme Support");
	}

	@Test
	void anAdminAddsAMailboxWhosePasswordsAreStoredSealedAndNeverShown() {
		String owner = this.workspace.owner().token();
		Reply added = this.api.post("/api/email-inboxes", owner, mailbox("Support@Acme.test", 3143, 3025));

		assertThat(added.status()).as(added.raw()).isEqualTo(201);
		String id = added.data().get("id").stringValue();
		assertThat(added.data().get("fromAddress").stringValue()).isEqualTo("support@acme.test");
		assertThat(added.data().at("/imap/passwordSet").asBoolean()).isTrue();
		assertThat(added.data().at("/state/connected").asBoolean()).isFalse();
		Reply listed = this.api.get("/api/email-inboxes", owner);
		assertThat(listed.data().size()).isEqualTo(1);
		assertThat(listed.data().get(0).get("id").stringValue()).isEqualTo(id);
		for (Reply reply : List.of(added, listed, this.api.get("/api/email-inboxes/" + id, owner))) {
			assertThat(reply.raw()).doesNotContain(IMAP_PASSWORD).doesNotContain("smtp-password-never-shown");
		}
		String stored = this.jdbc.sql("SELECT imap_password FROM email_inboxes WHERE id = ?")
			.param(UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(IMAP_PASSWORD).doesNotContain(IMAP_PASSWORD);
	}

	@Test
	void aChangeKeepsWhatItLeavesOutAndARemovedMailboxIsGone() {
		String owner = this.workspace.owner().token();
		String id = this.api.post("/api/email-inboxes", owner, mailbox("help@acme.test", 3143, 3025))
			.data()
			.get("id")
			.stringValue();

		Reply changed = this.api.send("PATCH", "/api/email-inboxes/" + id, owner, "application/json",
				"{\"displayName\":\"Help desk\",\"smtp\":{\"port\":2525}}");

		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
		assertThat(changed.data().get("displayName").stringValue()).isEqualTo("Help desk");
		assertThat(changed.data().at("/smtp/port").asInt()).isEqualTo(2525);
		assertThat(changed.data().at("/smtp/host").stringValue()).isEqualTo("127.0.0.1");
		assertThat(changed.data().get("fromAddress").stringValue()).isEqualTo("help@acme.test");
		assertThat(this.api.send("DELETE", "/api/email-inboxes/" + id, owner, null, null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/email-inboxes/" + id, owner).status()).isEqualTo(404);
		assertThat(this.api.get("/api/email-inboxes", owner).data().size()).isZero();
	}

	@Test
	void badOrDuplicateMailboxesAreRefusedAndNothingIsStored() {
		String owner = this.workspace.owner().token();
		this.api.post("/api/email-inboxes", owner, mailbox("dup@acme.test", 3143, 3025));

		Reply duplicate = this.api.post("/api/email-inboxes", owner, mailbox("DUP@acme.test", 3143, 3025));
		Reply noImap = this.api.post("/api/email-inboxes", owner,
				Map.of("displayName", "X", "fromAddress", "x@acme.test"));
		Reply badPort = this.api.post("/api/email-inboxes", owner, mailbox("p@acme.test", 70000, 3025));
		Reply badHost = this.api.post("/api/email-inboxes", owner,
				mailbox("h@acme.test", 3143, 3025).entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> e.getKey().equals("imap")
							? Map.of("host", "evil\r\nhost", "port", 1, "secure", false, "user", "u", "password", "p")
							: e.getValue())));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.error()).isEqualTo("An email inbox with this address already exists");
		assertThat(List.of(noImap.status(), badPort.status(), badHost.status())).containsOnly(400);
		assertThat(this.api.get("/api/email-inboxes", owner).data().size()).isEqualTo(1);
	}

	@Test
	void anotherWorkspaceNeitherSeesNorChangesTheMailbox() {
		String id = this.api
			.post("/api/email-inboxes", this.workspace.owner().token(), mailbox("own@acme.test", 3143, 3025))
			.data()
			.get("id")
			.stringValue();
		String intruder = TestWorkspace.create(this.api).owner().token();

		Reply seen = this.api.get("/api/email-inboxes/" + id, intruder);
		Reply changed = this.api.send("PATCH", "/api/email-inboxes/" + id, intruder, "application/json",
				"{\"displayName\":\"Mine\"}");
		Reply removed = this.api.send("DELETE", "/api/email-inboxes/" + id, intruder, null, null);

		assertThat(List.of(seen.status(), changed.status(), removed.status())).containsOnly(404);
		assertThat(seen.error()).isEqualTo("Email inbox not found");
		assertThat(this.api.get("/api/email-inboxes", intruder).data().size()).isZero();
		assertThat(this.api.get("/api/email-inboxes/" + id, this.workspace.owner().token())
			.data()
			.get("displayName")
			.stringValue()).isEqualTo("Acme Support");
	}

}

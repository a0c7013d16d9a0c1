package io.parley.email;

import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inbox's default supervisor (decision 114): its new conversations are sent to them,
 * and they route them to their agents, as a candidate's request to a supervisor is.
 */
class MailRoutingIntegrationTests extends MailboxFixture {

	@Test
	void aNewMailGoesToTheInboxsSupervisorWhoGivesItToTheirAgent() throws Exception {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent", "supervisorId", supervisor.id()));
		Reply routed = patch(Map.of("defaultSupervisorId", supervisor.id()));
		assertThat(routed.status()).as(routed.raw()).isEqualTo(200);
		assertThat(routed.data().get("defaultSupervisorId").stringValue()).isEqualTo(supervisor.id());

		deliver(mail("kim@customer.test", "Kim", "Refund", "Where is my refund?", "<refund@customer.test>", null));
		poll();

		JsonNode conversation = only(emailConversations());
		String id = conversation.get("id").stringValue();
		assertThat(conversation.get("supervisorId").stringValue()).isEqualTo(supervisor.id());
		JsonNode theirs = this.api.get("/api/conversations?channel=email&assignee=anyone", supervisor.token())
			.data()
			.get("items");
		assertThat(theirs.size()).as("the supervisor sees it: " + theirs).isEqualTo(1);
		Reply given = this.api.post("/conversations/" + id + "/assign", supervisor.token(),
				Map.of("agentId", agent.id()));
		assertThat(given.status()).as(given.raw()).isEqualTo(200);
		assertThat(this.api.get("/api/conversations/" + id, agent.token()).data().get("agentId").stringValue())
			.isEqualTo(agent.id());
	}

	@Test
	void onlyAMemberWhoMayAssignCanBeTheDefaultSupervisorAndNothingChangesOtherwise() {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		TestWorkspace other = TestWorkspace.create(this.api);
		assertThat(patch(Map.of("defaultSupervisorId", supervisor.id())).status()).isEqualTo(200);

		for (String refused : new String[] { agent.id(), other.owner().id(), "not-an-id",
				"00000000-0000-0000-0000-000000000000" }) {
			Reply reply = patch(Map.of("defaultSupervisorId", refused, "displayName", "Renamed"));
			assertThat(reply.status()).as(refused + ": " + reply.raw()).isEqualTo(404);
			assertThat(reply.error()).isEqualTo("Supervisor not found");
		}
		JsonNode inbox = this.api.get("/api/email-inboxes/" + this.inbox, this.owner).data();
		assertThat(inbox.get("defaultSupervisorId").stringValue()).isEqualTo(supervisor.id());
		assertThat(inbox.get("displayName").stringValue()).as("nothing half-changed").isEqualTo("Acme Support");

		Reply added = this.api.post("/api/email-inboxes", this.owner,
				withSupervisor(MailboxIntegrationTests.mailbox("second@acme.test", 1, 2), agent.id()));
		assertThat(added.status()).as(added.raw()).isEqualTo(404);
		assertThat(this.api.get("/api/email-inboxes", this.owner).data().size()).as("not added").isEqualTo(1);

		Reply cleared = patch(Map.of("defaultSupervisorId", ""));
		assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
		assertThat(absent(cleared.data().path("defaultSupervisorId"))).as(cleared.raw()).isTrue();
	}

	@Test
	void aSupervisorWhoMayNoLongerAssignIsPassedOverAndTheMailStillArrives() throws Exception {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		assertThat(patch(Map.of("defaultSupervisorId", supervisor.id())).status()).isEqualTo(200);
		Reply demoted = this.api.send("PATCH", "/api/members/" + supervisor.id(), this.owner, "application/json",
				"{\"role\":\"agent\"}");
		assertThat(demoted.status()).as(demoted.raw()).isEqualTo(200);

		deliver(mail("lee@customer.test", "Lee", "Hello", "Anyone there?", "<hello@customer.test>", null));
		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(absent(conversation.path("supervisorId"))).as(conversation.toString()).isTrue();
		assertThat(contents(conversation)).containsExactly("Anyone there?");
		Reply kept = patch(Map.of("defaultSupervisorId", supervisor.id(), "signature", "Thanks"));
		assertThat(kept.status()).as("the stored choice sent back is kept, stale or not: " + kept.raw()).isEqualTo(200);
		assertThat(kept.data().get("defaultSupervisorId").stringValue()).isEqualTo(supervisor.id());
	}

	@Test
	void aDeactivatedSupervisorIsPassedOver() throws Exception {
		TestUser supervisor = this.workspace.join(this.api, Map.of("role", "supervisor"));
		assertThat(patch(Map.of("defaultSupervisorId", supervisor.id())).status()).isEqualTo(200);
		Reply deactivated = this.api.post("/api/members/" + supervisor.id() + "/deactivate", this.owner, Map.of());
		assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);

		deliver(mail("mo@customer.test", "Mo", "Hi", "Hello?", "<hi@customer.test>", null));
		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(absent(conversation.path("supervisorId"))).as(conversation.toString()).isTrue();
	}

	private static boolean absent(JsonNode value) {
		return value.isNull() || value.isMissingNode();
	}

	private Reply patch(Map<String, String> body) {
		return this.api.send("PATCH", "/api/email-inboxes/" + this.inbox, this.owner, "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private static Map<String, Object> withSupervisor(Map<String, Object> mailbox, String supervisor) {
		Map<String, Object> body = new java.util.HashMap<>(mailbox);
		body.put("defaultSupervisorId", supervisor);
		return body;
	}

}

package io.parley.conversation;

import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.system.ParleyException;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message left through the widget's offline form becomes a conversation the team sees
 * in its inbox, marked as left offline, with the contact known by the email.
 */
@ParleyIntegrationTest
class OfflineMessageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConversationIntake intake;

	Api api;

	TestWorkspace workspace;

	WorkspaceId workspaceId;

	@BeforeEach
	void freshWorkspace() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.workspaceId = new WorkspaceId(UUID.fromString(this.workspace.id()));
	}

	@Test
	void anOfflineMessageIsAConversationTheInboxListsAsLeftOffline() {
		String email = "Nora." + UUID.randomUUID() + "@Example.com";
		ConversationIntake.Started left = this.intake.leaveOffline(this.workspaceId, "Nora", email,
				"Do you open on Sundays?", new Conversation.Context(null, "https://acme.test/contact", null), null);
		String id = left.conversation().id().toString();

		JsonNode items = this.api.get("/api/conversations", this.workspace.owner().token()).data().get("items");
		assertThat(items.size()).isEqualTo(1);
		JsonNode item = items.get(0);
		assertThat(item.get("id").stringValue()).isEqualTo(id);
		assertThat(item.get("leftOffline").asBoolean()).isTrue();
		assertThat(item.get("channel").stringValue()).isEqualTo("web");
		assertThat(item.get("status").stringValue()).isEqualTo("open");
		assertThat(item.get("contact").get("name").stringValue()).isEqualTo("Nora");
		assertThat(item.get("contact").get("email").stringValue()).isEqualTo(email.toLowerCase());

		JsonNode details = this.api.get("/api/conversations/" + id, this.workspace.owner().token()).data();
		assertThat(details.get("leftOffline").asBoolean()).isTrue();
		assertThat(details.get("pageUrl").stringValue()).isEqualTo("https://acme.test/contact");
		JsonNode messages = this.api.get("/api/conversations/" + id + "/messages", this.workspace.owner().token())
			.data()
			.get("items");
		assertThat(messages.get(0).get("content").stringValue()).isEqualTo("Do you open on Sundays?");
		assertThat(messages.get(0).get("author").get("type").stringValue()).isEqualTo("contact");

		// the same person again, however they type their address: the same contact
		ConversationIntake.Started again = this.intake.leaveOffline(this.workspaceId, null, email.toUpperCase(),
				"And on holidays?", Conversation.Context.NONE, null);
		assertThat(again.conversation().contactId()).isEqualTo(left.conversation().contactId());
		assertThat(this.api.everyItem("/api/contacts", this.workspace.owner().token())).hasSize(1);

		JsonNode chat = this.api.get("/api/conversations?channel=web", this.workspace.owner().token())
			.data()
			.get("items");
		assertThat(chat).hasSize(2);
	}

	@Test
	void aRepeatedSubmissionMakesOneConversationAndABadOneNone() {
		String email = "form-" + UUID.randomUUID() + "@example.com";
		ConversationIntake.Started first = this.intake.leaveOffline(this.workspaceId, "Ola", email, "Call me back",
				Conversation.Context.NONE, "form-1");
		ConversationIntake.Started repeated = this.intake.leaveOffline(this.workspaceId, "Ola", email, "Call me back",
				Conversation.Context.NONE, "form-1");
		assertThat(repeated.repeated()).isTrue();
		assertThat(repeated.conversation().id()).isEqualTo(first.conversation().id());

		for (String bad : new String[] { "not an address", "a@b", "two@@example.com", "" }) {
			assertThatThrownBy(
					() -> this.intake.leaveOffline(this.workspaceId, null, bad, "Hi", Conversation.Context.NONE, null))
				.isInstanceOf(ParleyException.class)
				.hasMessage("INVALID_REQUEST_SCHEMA");
		}
		assertThatThrownBy(() -> this.intake.leaveOffline(this.workspaceId, null, "x-" + email, " ",
				Conversation.Context.NONE, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("INVALID_REQUEST_SCHEMA");
		assertThat(this.api.get("/api/conversations", this.workspace.owner().token()).data().get("items")).hasSize(1);
		assertThat(this.api.everyItem("/api/contacts", this.workspace.owner().token())).hasSize(1);
	}

}

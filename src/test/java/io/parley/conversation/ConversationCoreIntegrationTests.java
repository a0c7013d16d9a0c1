package io.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.contact.ContactId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conversation core every channel grows on: authors, notes numbered on their own,
 * idempotent writes, resuming by position, the customer's view, and one rule for who
 * closes.
 */
@ParleyIntegrationTest
class ConversationCoreIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConversationIntake intake;

	@Autowired
	MessageLog messageLog;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void assignedConversationTheAgentHasJoined() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			assertThat(agent.expect("JOINED_CONVERSATION").get("status").stringValue()).isEqualTo("assigned");
		}
	}

	@Test
	void internalNotesCountOnTheirOwnSoTheCustomerSeesEveryNumber() {
		post(this.team.agent().token(), Map.of("content", "Hello, how can I help?"));
		JsonNode note = post(this.team.agent().token(), Map.of("content", "VIP customer", "type", "note")).data();
		post(this.team.candidate().token(), Map.of("content", "My order is late"));

		assertThat(note.get("sequence").asLong()).isEqualTo(1);
		assertThat(note.get("note").asLong()).as("the assignment's system line is note 1").isEqualTo(2);
		assertThat(sequences(messages(this.team.candidate().token(), ""))).containsExactly("1", "2");
		assertThat(sequences(messages(this.team.agent().token(), ""))).containsExactly("0.1", "1", "1.2", "2");
		assertThat(
				this.api.get("/conversations/" + this.id, this.team.candidate().token()).data().get("messages").size())
			.isEqualTo(2);

		JsonNode inbox = this.api.get("/api/conversations?assignee=me", this.team.agent().token()).data();
		JsonNode item = find(inbox.get("items"), this.id);
		assertThat(item.get("lastSequence").asLong()).isEqualTo(2);
		assertThat(item.get("unread").asLong()).as("notes are not unread").isEqualTo(2);
	}

	@Test
	void messagesCarryTheirAuthorAndSeedThreesSender() {
		JsonNode fromAgent = post(this.team.agent().token(), Map.of("content", "Hi")).data();
		JsonNode fromCandidate = post(this.team.candidate().token(), Map.of("content", "Hello")).data();

		assertThat(fromAgent.get("author").get("type").stringValue()).isEqualTo("member");
		assertThat(fromAgent.get("author").get("id").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(fromAgent.get("author").get("name").stringValue()).isEqualTo("Test agent");
		assertThat(fromAgent.get("senderRole").stringValue()).isEqualTo("agent");

		String contactId = this.api.get("/api/conversations/" + this.id, this.team.admin().token())
			.data()
			.get("contact")
			.get("id")
			.stringValue();
		assertThat(fromCandidate.get("author").get("type").stringValue()).isEqualTo("contact");
		assertThat(fromCandidate.get("author").get("id").stringValue()).isEqualTo(contactId);
		assertThat(fromCandidate.get("senderId").stringValue()).isEqualTo(this.team.candidate().id());
		assertThat(fromCandidate.get("senderRole").stringValue()).isEqualTo("candidate");
	}

	@Test
	void aRepeatedClientMessageIdReturnsTheStoredMessageAndStoresNothing() {
		Map<String, String> message = Map.of("content", "Where is my parcel?", "clientMessageId", "c-1");
		Reply first = post(this.team.candidate().token(), message);
		Reply again = post(this.team.candidate().token(), message);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().get("sequence").asLong()).isEqualTo(first.data().get("sequence").asLong());
		assertThat(again.data().get("clientMessageId").stringValue()).isEqualTo("c-1");
		assertThat(sequences(messages(this.team.admin().token(), ""))).containsExactly("0.1", "1");

		Reply taken = post(this.team.agent().token(), Map.of("content", "Mine", "clientMessageId", "c-1"));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.error()).isEqualTo("This clientMessageId belongs to another message");
		Reply tooLong = post(this.team.agent().token(), Map.of("content", "Mine", "clientMessageId", "x".repeat(101)));
		assertThat(tooLong.error()).isEqualTo("Invalid request schema");
		assertThat(sequences(messages(this.team.admin().token(), ""))).containsExactly("0.1", "1");
	}

	@Test
	void aPageAfterAPositionResumesTheTranscriptForTheCustomerAndTheStaff() {
		for (int i = 1; i <= 3; i++) {
			post(this.team.candidate().token(), Map.of("content", "message " + i));
			post(this.team.agent().token(), Map.of("content", "note " + i, "type", "note"));
		}

		assertThat(sequences(messages(this.team.candidate().token(), "?after=1"))).containsExactly("2", "3");
		assertThat(sequences(messages(this.team.agent().token(), "?after=1"))).containsExactly("1.2", "2", "2.3", "3",
				"3.4");
		assertThat(sequences(messages(this.team.agent().token(), "?after=2.3"))).containsExactly("3", "3.4");
		assertThat(sequences(messages(this.team.agent().token(), "?before=2.3"))).containsExactly("0.1", "1", "1.2",
				"2");

		JsonNode firstPage = this.api
			.get("/api/conversations/" + this.id + "/messages?after=0&limit=2", this.team.agent().token())
			.data();
		assertThat(firstPage.get("nextCursor").stringValue()).isEqualTo("1");
		assertThat(
				this.api.get("/api/conversations/" + this.id + "/messages?after=x", this.team.agent().token()).error())
			.isEqualTo("Invalid request schema");
	}

	@Test
	void theCustomersViewOfAConversationCarriesNoStaffDetails() {
		Reply tagged = this.api.send("PATCH", "/api/conversations/" + this.id, this.team.agent().token(),
				"application/json", "{\"tags\":[\"vip\"]}");
		assertThat(tagged.status()).isEqualTo(200);
		this.api.send("PUT", "/api/conversations/" + this.id + "/read", this.team.agent().token(), "application/json",
				"{}");

		JsonNode staff = this.api.get("/api/conversations/" + this.id, this.team.agent().token()).data();
		JsonNode customer = this.api.get("/api/conversations/" + this.id, this.team.candidate().token()).data();

		assertThat(staff.get("tags").toString()).isEqualTo("[\"vip\"]");
		assertThat(staff.get("assignments").size()).isEqualTo(1);
		assertThat(staff.get("reads").size()).isEqualTo(1);
		assertThat(customer.get("tags").size()).isZero();
		assertThat(customer.get("assignments").size()).isZero();
		assertThat(customer.get("reads").size()).isZero();
	}

	@Test
	void closingThroughPatchNeedsWhatTheCloseRoutesNeed() {
		Reply bySupervisor = patchStatus(this.team.supervisor().token(), "closed");
		assertThat(bySupervisor.status()).isEqualTo(403);
		assertThat(bySupervisor.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(this.api.get("/api/conversations/" + this.id, this.team.admin().token())
			.data()
			.get("status")
			.stringValue()).isEqualTo("assigned");

		assertThat(patchStatus(this.team.agent().token(), "closed").data().get("status").stringValue())
			.isEqualTo("closed");
	}

	@Test
	void anAgentOpeningAConversationForThemselvesIsRecordedAsAssigned() {
		String contactId = this.api.get("/api/conversations/" + this.id, this.team.admin().token())
			.data()
			.get("contact")
			.get("id")
			.stringValue();
		Reply opened = this.api.post("/api/conversations", this.team.agent().token(),
				Map.of("contactId", contactId, "subject", "Follow-up"));
		assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
		JsonNode assignments = opened.data().get("assignments");
		assertThat(assignments.size()).isEqualTo(1);
		assertThat(assignments.get(0).get("agentId").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(assignments.get(0).get("reason").stringValue()).isEqualTo("opened by the agent");
	}

	@Test
	void aContactWithoutALoginStartsAConversationWithItsFirstMessageOnceAndABotAnswers() {
		Reply created = this.api.post("/api/contacts", this.team.admin().token(),
				Map.of("name", "Visitor 7", "email", "visitor-" + java.util.UUID.randomUUID() + "@example.com"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		ContactId contact = ContactId.parse(created.data().get("id").stringValue()).orElseThrow();

		ConversationIntake.Started started = this.intake.start(WorkspaceId.DEFAULT, contact, Channel.WEB,
				new Conversation.Context("Pricing", "https://acme.test/pricing", null), "Do you ship to Norway?",
				"w-1");
		ConversationIntake.Started again = this.intake.start(WorkspaceId.DEFAULT, contact, Channel.WEB,
				Conversation.Context.NONE, "Do you ship to Norway?", "w-1");
		assertThat(again.repeated()).isTrue();
		assertThat(again.conversation().id()).isEqualTo(started.conversation().id());

		ConversationId conversation = started.conversation().id();
		this.messageLog.postAs(new Author.Bot(java.util.UUID.randomUUID(), "Parley Bot", null), WorkspaceId.DEFAULT,
				conversation, MessageType.BOT, "We do, in 3 days.", null);
		assertThatThrownBy(() -> this.messageLog.postAs(new Author.Contact(contact, null, "Visitor 7", null),
				WorkspaceId.DEFAULT, ConversationId.parse(this.id).orElseThrow(), MessageType.TEXT, "Not mine", null))
			.isInstanceOf(io.parley.system.ParleyException.class)
			.hasMessage("CONVERSATION_NOT_ACCESSIBLE");

		JsonNode items = this.api.get("/api/conversations/" + conversation + "/messages", this.team.admin().token())
			.data()
			.get("items");
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).get("author").get("type").stringValue()).isEqualTo("contact");
		assertThat(items.get(0).get("author").get("name").stringValue()).isEqualTo("Visitor 7");
		assertThat(items.get(0).get("clientMessageId").stringValue()).isEqualTo("w-1");
		assertThat(items.get(1).get("author").get("type").stringValue()).isEqualTo("bot");
		assertThat(items.get(1).get("type").stringValue()).isEqualTo("bot");
		assertThat(items.get(1).get("sequence").asLong()).isEqualTo(2);
		JsonNode details = this.api.get("/api/conversations/" + conversation, this.team.admin().token()).data();
		assertThat(details.get("channel").stringValue()).isEqualTo("web");
		assertThat(details.get("subject").stringValue()).isEqualTo("Pricing");
	}

	private Reply post(String token, Map<String, String> body) {
		return this.api.post("/api/conversations/" + this.id + "/messages", token, body);
	}

	private Reply patchStatus(String token, String status) {
		return this.api.send("PATCH", "/api/conversations/" + this.id, token, "application/json",
				"{\"status\":\"" + status + "\"}");
	}

	private JsonNode messages(String token, String query) {
		return this.api.get("/api/conversations/" + this.id + "/messages" + query, token).data().get("items");
	}

	/**
	 * Each message's position: {@code 3} for a visible message, {@code 3.1} for a note.
	 */
	private static List<String> sequences(JsonNode items) {
		List<String> positions = new ArrayList<>();
		for (JsonNode item : items) {
			positions.add(item.has("note") ? item.get("sequence").asLong() + "." + item.get("note").asLong()
					: Long.toString(item.get("sequence").asLong()));
		}
		return positions;
	}

	private static JsonNode find(JsonNode items, String id) {
		for (JsonNode item : items) {
			if (item.get("id").stringValue().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("not listed: " + id);
	}

}

package io.parley.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.conversation.ConversationId;
import io.parley.conversation.MembersMentioned;
import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import io.parley.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal notes that mention members, over REST and the socket: who may be mentioned,
 * what is stored, and the {@code NOTIFICATION} frame that reaches the mentioned member
 * only.
 */
@ParleyIntegrationTest
class MentionsIntegrationTests {

	static final Duration QUIET = Duration.ofMillis(400);

	static final String NOT_FOUND = "A mentioned member does not exist or cannot see this conversation";

	@LocalServerPort
	int port;

	Api api;

	Team team;

	String conversation;

	String workspace;

	@Autowired
	Notifier notifier;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.conversation = this.api.assignedConversation(this.team);
		this.workspace = this.api.get("/api/workspace", this.team.admin().token()).data().get("id").stringValue();
		Notices.await(this.api, this.team.agent(), "ASSIGNED", 1);
	}

	@Test
	void aNoteMentioningAMemberNotifiesThatMemberOnly() {
		try (Socket supervisor = Notices.feed(this.port, this.team.supervisor());
				Socket agent = Notices.feed(this.port, this.team.agent());
				Socket admin = Notices.feed(this.port, this.team.admin());
				Socket candidate = Socket.connect(this.port, this.team.candidate().token())) {
			Reply posted = note(this.team.admin(), "@Sam can you check the refund?",
					List.of(this.team.supervisor().id()));

			assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
			assertThat(posted.data().get("mentions").get(0).stringValue()).isEqualTo(this.team.supervisor().id());
			JsonNode frame = Notices.next(supervisor);
			assertThat(frame.at("/notification/kind").stringValue()).isEqualTo("MENTIONED");
			assertThat(frame.at("/notification/conversationId").stringValue()).isEqualTo(this.conversation);
			assertThat(frame.at("/notification/actorId").stringValue()).isEqualTo(this.team.admin().id());
			assertThat(frame.at("/notification/excerpt").stringValue()).isEqualTo("@Sam can you check the refund?");
			assertThat(frame.at("/notification/note").asLong()).isEqualTo(posted.data().get("note").asLong());
			assertThat(frame.at("/unreadCount").asLong()).isEqualTo(1);
			Notices.none(agent, QUIET);
			Notices.none(admin, QUIET);
			candidate.expectSilence(QUIET);
		}
		JsonNode mine = this.api.get("/api/notifications", this.team.supervisor().token()).data();
		assertThat(mine.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(mine.at("/items/0/kind").stringValue()).isEqualTo("MENTIONED");
		assertThat(mine.at("/items/0/unread").asBoolean()).isTrue();
		JsonNode note = lastNote();
		assertThat(note.get("mentions").get(0).stringValue()).isEqualTo(this.team.supervisor().id());
	}

	@Test
	void theAgentMentionsFromTheSocketAndARepliesMentionsAreRefused() {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token());
				Socket admin = Notices.feed(this.port, this.team.admin())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.conversation));
			agent.expect("JOINED_CONVERSATION");

			agent.send("SEND_MESSAGE", Map.of("conversationId", this.conversation, "content", "Hi there", "mentions",
					List.of(this.team.admin().id())));
			agent.expectError("Only internal notes can mention members");
			agent.send("SEND_MESSAGE", Map.of("conversationId", this.conversation, "content", "Over to you", "type",
					"note", "mentions", List.of(this.team.admin().id()), "clientMessageId", "n-1"));

			assertThat(agent.expect("MESSAGE_SENT").get("clientMessageId").stringValue()).isEqualTo("n-1");
			JsonNode frame = Notices.next(admin);
			assertThat(frame.at("/notification/kind").stringValue()).isEqualTo("MENTIONED");
			assertThat(frame.at("/notification/actorId").stringValue()).isEqualTo(this.team.agent().id());
		}
		assertThat(contents()).contains("Over to you").doesNotContain("Hi there");
	}

	@Test
	void mentioningSomeoneWhoCannotReadTheNoteIsRefusedAndNothingIsStored() {
		TestUser outsider = TestWorkspace.create(this.api).owner();
		TestUser otherAgent = this.api.signUp("agent", this.team.supervisor());
		for (String mentioned : List.of(outsider.id(), otherAgent.id(), this.team.candidate().id(),
				UUID.randomUUID().toString(), "not-an-id")) {
			Reply refused = note(this.team.admin(), "secret " + mentioned,
					List.of(this.team.supervisor().id(), mentioned));

			assertThat(refused.status()).as(mentioned).isEqualTo(400);
			assertThat(refused.error()).isEqualTo(NOT_FOUND);
		}
		assertThat(contents()).noneMatch((content) -> content.startsWith("secret"));
		assertThat(this.api.get("/api/notifications", this.team.supervisor().token()).data().get("items")).isEmpty();
	}

	@Test
	void malformedMentionsAreRefusedOnBothTransports() {
		Reply notAList = this.api.post("/api/conversations/" + this.conversation + "/messages",
				this.team.admin().token(),
				Map.of("content", "odd", "type", "note", "mentions", this.team.supervisor().id()));
		assertThat(notAList.status()).isEqualTo(400);
		assertThat(notAList.error()).isEqualTo("Invalid request schema");
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.conversation));
			agent.expect("JOINED_CONVERSATION");

			agent.send("SEND_MESSAGE", Map.of("conversationId", this.conversation, "content", "odd", "type", "note",
					"mentions", this.team.admin().id()));
			agent.expectError("Invalid request schema");
			agent.send("SEND_MESSAGE", Map.of("conversationId", this.conversation, "content", "odd", "type", "bot"));
			agent.expectError("Invalid request schema");
			agent.send("SEND_MESSAGE", Map.of("conversationId", this.conversation, "content", "odd", "type", "note",
					"mentions", List.of(UUID.randomUUID().toString())));
			agent.expectError(NOT_FOUND);
		}
		assertThat(contents()).doesNotContain("odd");
	}

	@Test
	void aReplyCannotMention() {
		Reply reply = this.api.post("/api/conversations/" + this.conversation + "/messages",
				this.team.candidate().token(),
				Map.of("content", "visible", "mentions", List.of(this.team.agent().id())));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Only internal notes can mention members");
		assertThat(contents()).doesNotContain("visible");
	}

	@Test
	void aNoteMentioningItsAuthorAndTwiceNotifiesEachOtherMemberOnce() {
		Reply posted = note(this.team.admin(), "Reminder",
				List.of(this.team.supervisor().id(), this.team.admin().id(), this.team.supervisor().id()));

		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
		assertThat(posted.data().get("mentions")).hasSize(2);
		Notices.await(this.api, this.team.supervisor(), "MENTIONED", 1);
		Eventually.until("no notification for the author",
				() -> this.api.get("/api/notifications", this.team.admin().token()).data().get("items").isEmpty());
		assertThat(this.api.get("/api/notifications", this.team.supervisor().token()).data().get("items")).hasSize(1);
	}

	@Test
	void aMentionPublishedAgainIsNotStoredTwice() throws Exception {
		Reply posted = note(this.team.admin(), "Once only", List.of(this.team.supervisor().id()));
		Notices.await(this.api, this.team.supervisor(), "MENTIONED", 1);
		JsonNode message = posted.data();

		// as the event publication registry does for a publication it did not see
		// completed
		this.notifier.on(new MembersMentioned(new WorkspaceId(UUID.fromString(this.workspace)),
				new ConversationId(UUID.fromString(this.conversation)), message.get("sequence").asLong(),
				message.get("note").asLong(), new UserId(UUID.fromString(this.team.admin().id())),
				List.of(new UserId(UUID.fromString(this.team.supervisor().id()))), "Once only", Instant.now()));

		Eventually.holdsFor("one notification", Duration.ofMillis(600),
				() -> this.api.get("/api/notifications", this.team.supervisor().token())
					.data()
					.get("items")
					.size() == 1);
	}

	private Reply note(TestUser author, String content, List<String> mentions) {
		return this.api.post("/api/conversations/" + this.conversation + "/messages", author.token(),
				Map.of("content", content, "type", "note", "mentions", mentions));
	}

	private JsonNode lastNote() {
		JsonNode items = this.api
			.get("/api/conversations/" + this.conversation + "/messages", this.team.admin().token())
			.data()
			.get("items");
		JsonNode last = null;
		for (JsonNode item : items) {
			last = "note".equals(item.get("type").stringValue()) ? item : last;
		}
		return last;
	}

	private List<String> contents() {
		JsonNode items = this.api
			.get("/api/conversations/" + this.conversation + "/messages", this.team.admin().token())
			.data()
			.get("items");
		return items.valueStream().map((item) -> item.get("content").stringValue()).toList();
	}

}

package io.parley.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's notifications: assignments, coalesced customer messages, reading them, and
 * nobody else's.
 */
@ParleyIntegrationTest
class NotificationsIntegrationTests {

	static final Duration QUIET = Duration.ofMillis(400);

	@LocalServerPort
	int port;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@Test
	void anAssignmentNotifiesTheAgentButNotWhoTookItThemselves() {
		try (Socket agent = Notices.feed(this.port, this.team.agent());
				Socket supervisor = Notices.feed(this.port, this.team.supervisor())) {
			String id = this.api.startConversation(this.team);
			this.api.post("/conversations/" + id + "/assign", this.team.supervisor().token(),
					Map.of("agentId", this.team.agent().id()));

			JsonNode frame = Notices.next(agent);
			assertThat(frame.at("/notification/kind").stringValue()).isEqualTo("ASSIGNED");
			assertThat(frame.at("/notification/conversationId").stringValue()).isEqualTo(id);
			assertThat(frame.at("/notification/actorId").stringValue()).isEqualTo(this.team.supervisor().id());
			Notices.none(supervisor, QUIET);
		}
		String contact = this.api
			.post("/api/contacts", this.team.agent().token(),
					Map.of("name", "Kim", "email", "kim-" + UUID.randomUUID() + "@example.com"))
			.data()
			.get("id")
			.stringValue();
		try (Socket agent = Notices.feed(this.port, this.team.agent())) {
			Reply opened = this.api.post("/api/conversations", this.team.agent().token(), Map.of("contactId", contact));
			assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
			assertThat(opened.data().get("agentId").stringValue()).isEqualTo(this.team.agent().id());
			this.api.awaitSystemLines(opened.data().get("id").stringValue(), this.team.admin().token(), 1);

			Notices.none(agent, QUIET);
		}
		assertThat(this.api.get("/api/notifications", this.team.agent().token()).data().get("items")).hasSize(1);
	}

	@Test
	void customerMessagesCoalesceIntoOneUnreadNotificationUntilItIsRead() {
		String id = this.api.assignedConversation(this.team);
		Notices.await(this.api, this.team.agent(), "ASSIGNED", 1);
		for (String content : List.of("Hello?", "Is anyone there?", "My order is late")) {
			customerWrites(id, content);
		}

		JsonNode page = Eventually.until("three messages in one notification",
				() -> this.api.get("/api/notifications?unread=true", this.team.agent().token()).data(),
				(found) -> newMessages(found).size() == 1 && newMessages(found).get(0).get("count").asInt() == 3);
		JsonNode coalesced = newMessages(page).get(0);
		assertThat(coalesced.get("excerpt").stringValue()).isEqualTo("My order is late");
		assertThat(coalesced.get("conversationId").stringValue()).isEqualTo(id);
		assertThat(coalesced.get("actorId").isNull()).isTrue();
		assertThat(page.get("unreadCount").asLong()).isEqualTo(2);
		assertThat(this.api.get("/api/notifications", this.team.supervisor().token()).data().get("items")).isEmpty();

		Reply read = this.api.post("/api/notifications/" + coalesced.get("id").stringValue() + "/read",
				this.team.agent().token(), Map.of());
		assertThat(read.status()).as(read.raw()).isEqualTo(200);
		assertThat(read.data().get("unread").asBoolean()).isFalse();
		try (Socket agent = Notices.feed(this.port, this.team.agent())) {
			customerWrites(id, "Hello again");

			JsonNode frame = Notices.next(agent);
			assertThat(frame.at("/notification/kind").stringValue()).isEqualTo("NEW_MESSAGE");
			assertThat(frame.at("/notification/count").asInt()).isEqualTo(1);
			assertThat(frame.at("/notification/id").stringValue()).isNotEqualTo(coalesced.get("id").stringValue());
		}
		assertThat(newMessages(this.api.get("/api/notifications", this.team.agent().token()).data())).hasSize(2);
	}

	@Test
	void aCustomerMessageInAConversationNobodyHandlesNotifiesNoOne() throws Exception {
		String id = this.api.startConversation(this.team);

		customerWrites(id, "Anyone?");

		Eventually.holdsFor("no notification", Duration.ofMillis(800), () -> List
			.of(this.team.agent(), this.team.supervisor(), this.team.admin())
			.stream()
			.allMatch((member) -> this.api.get("/api/notifications", member.token()).data().get("items").isEmpty()));
	}

	@Test
	void aMemberReadsOneOrAllAndPagesNewestFirst() {
		String id = this.api.assignedConversation(this.team);
		for (int i = 1; i <= 3; i++) {
			Reply note = this.api.post("/api/conversations/" + id + "/messages", this.team.admin().token(),
					Map.of("content", "note " + i, "type", "note", "mentions", List.of(this.team.supervisor().id())));
			assertThat(note.status()).as(note.raw()).isEqualTo(201);
		}
		Notices.await(this.api, this.team.supervisor(), "MENTIONED", 3);
		String token = this.team.supervisor().token();

		JsonNode first = this.api.get("/api/notifications?limit=2", token).data();
		JsonNode second = this.api
			.get("/api/notifications?limit=2&before=" + first.get("nextCursor").stringValue(), token)
			.data();
		List<String> excerpts = new ArrayList<>();
		first.get("items").forEach((item) -> excerpts.add(item.get("excerpt").stringValue()));
		second.get("items").forEach((item) -> excerpts.add(item.get("excerpt").stringValue()));
		assertThat(excerpts).containsExactly("note 3", "note 2", "note 1");
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(first.get("unreadCount").asLong()).isEqualTo(3);

		Reply one = this.api.post("/api/notifications/" + first.at("/items/0/id").stringValue() + "/read", token,
				Map.of());
		assertThat(one.data().get("readAt").isNull()).isFalse();
		assertThat(this.api.get("/api/notifications?unread=true", token).data().get("unreadCount").asLong())
			.isEqualTo(2);
		Reply all = this.api.post("/api/notifications/read-all", token, Map.of());
		assertThat(all.status()).as(all.raw()).isEqualTo(200);
		assertThat(all.data().get("read").asInt()).isEqualTo(2);
		JsonNode unread = this.api.get("/api/notifications?unread=true", token).data();
		assertThat(unread.get("items")).isEmpty();
		assertThat(unread.get("unreadCount").asLong()).isZero();
		assertThat(this.api.get("/api/notifications?limit=0", token).status()).isEqualTo(400);
		assertThat(this.api.get("/api/notifications?before=nonsense", token).status()).isEqualTo(400);
	}

	@Test
	void anotherMembersNotificationIsNotFound() {
		String id = this.api.assignedConversation(this.team);
		String notification = Notices.await(this.api, this.team.agent(), "ASSIGNED", 1).at("/items/0/id").stringValue();
		TestUser outsider = TestWorkspace.create(this.api).owner();

		for (TestUser other : List.of(this.team.supervisor(), this.team.admin(), outsider)) {
			Reply read = this.api.post("/api/notifications/" + notification + "/read", other.token(), Map.of());

			assertThat(read.status()).isEqualTo(404);
			assertThat(read.error()).isEqualTo("Notification not found");
			assertThat(this.api.get("/api/notifications", other.token()).raw()).doesNotContain(notification)
				.doesNotContain(id);
		}
		assertThat(this.api.post("/api/notifications/not-an-id/read", this.team.agent().token(), Map.of()).status())
			.isEqualTo(404);
		assertThat(Notices.await(this.api, this.team.agent(), "ASSIGNED", 1).at("/items/0/unread").asBoolean())
			.isTrue();
	}

	private void customerWrites(String conversation, String content) {
		Reply posted = this.api.post("/api/conversations/" + conversation + "/messages", this.team.candidate().token(),
				Map.of("content", content));
		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
	}

	private static List<JsonNode> newMessages(JsonNode page) {
		List<JsonNode> found = new ArrayList<>();
		page.get("items").forEach((item) -> {
			if ("NEW_MESSAGE".equals(item.get("kind").stringValue())) {
				found.add(item);
			}
		});
		return found;
	}

}

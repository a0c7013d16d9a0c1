package io.parley.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Eventually;
import io.parley.support.Multipart;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /api/conversations/{id}}: only who may delete conversations does, within
 * their workspace, and then nothing of the conversation is left: not its messages, notes,
 * file, tags, read marks or notifications, in no view and on no socket.
 */
@ParleyIntegrationTest
class ConversationDeletionIntegrationTests {

	/** Every table that keeps a row about a conversation, by its column. */
	private static final List<String> TABLES = List.of("messages", "message_mentions", "attachments",
			"conversation_tags", "conversation_assignments", "conversation_reads", "conversation_ratings",
			"notifications");

	@LocalServerPort
	int port;

	@Autowired
	FileSystemAttachmentStorage storage;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void assignedConversation() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
	}

	@Test
	void anAdminDeletesAConversationAndNothingOfItIsLeft() {
		String path = "/api/conversations/" + this.id;
		Reply file = Multipart.to(this.port)
			.file("box.png", "image/png", SampleFiles.image("png"))
			.post(path + "/attachments", this.team.candidate().token());
		assertThat(file.status()).as(file.raw()).isEqualTo(201);
		String attachment = file.data().get("attachments").get(0).get("id").stringValue();
		Path stored = this.storage.root().resolve(attachment.substring(0, 2)).resolve(attachment);
		assertThat(storedFiles()).contains(attachment);
		assertThat(this.api
			.post(path + "/messages", this.team.agent().token(),
					Map.of("content", "Over to you", "type", "note", "mentions", List.of(this.team.supervisor().id())))
			.status()).isEqualTo(201);
		assertThat(this.api.send("PATCH", path, this.team.agent().token(), "application/json", "{\"tags\":[\"vip\"]}")
			.status()).isEqualTo(200);
		Eventually.until("the mention's notification",
				() -> this.jdbc
					.sql("SELECT COUNT(*) FROM notifications WHERE conversation_id = ? AND kind = 'MENTIONED'")
					.param(UUID.fromString(this.id))
					.query(Long.class)
					.single(),
				(count) -> count == 1);

		try (Socket agent = Socket.connect(this.port, this.team.agent().token());
				Socket candidate = Socket.connect(this.port, this.team.candidate().token())) {
			agent.send("SUBSCRIBE_INBOX", Map.of());
			await(agent, "INBOX_SUBSCRIBED");
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			await(candidate, "JOINED_CONVERSATION");

			Reply deleted = this.api.send("DELETE", path, this.team.admin().token(), null, null);

			assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
			assertThat(deleted.data().get("conversationId").stringValue()).isEqualTo(this.id);
			assertThat(deleted.data().get("deleted").booleanValue()).isTrue();
			assertThat(await(agent, "CONVERSATION_REMOVED").get("conversationId").stringValue()).isEqualTo(this.id);
			assertThat(await(candidate, "CONVERSATION_CLOSED").get("conversationId").stringValue()).isEqualTo(this.id);
		}
		assertNotFound(this.api.get(path, this.team.admin().token()));
		assertNotFound(this.api.get(path + "/messages", this.team.agent().token()));
		assertNotFound(this.api.get("/conversations/" + this.id, this.team.candidate().token()));
		assertNotFound(this.api.send("DELETE", path, this.team.admin().token(), null, null));
		assertThat(Multipart.get(this.port, "/api/attachments/" + attachment, this.team.admin().token()).statusCode())
			.isEqualTo(404);
		assertThat(this.api.get("/api/conversations?assignee=anyone&limit=100", this.team.admin().token())
			.data()
			.get("items")
			.valueStream()
			.map((item) -> item.get("id").stringValue())).doesNotContain(this.id);
		for (String table : TABLES) {
			assertThat(rows(table)).as(table).isZero();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM conversations WHERE id = ?")
			.param(UUID.fromString(this.id))
			.query(Long.class)
			.single()).isZero();
		Eventually.until("the file removed from the disk", () -> Files.exists(stored), (exists) -> !exists);
	}

	@Test
	void whoMayNotDeleteIsRefusedAndAnotherWorkspaceFindsNothingAndNothingChanges() {
		String path = "/api/conversations/" + this.id;
		String before = this.api.get(path + "/messages?limit=100", this.team.admin().token()).data().toString();
		TestWorkspace other = TestWorkspace.create(this.api);

		for (String token : List.of(this.team.supervisor().token(), this.team.agent().token(),
				this.team.candidate().token())) {
			Reply refused = this.api.send("DELETE", path, token, null, null);
			assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
			assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
		}
		assertNotFound(this.api.send("DELETE", path, other.owner().token(), null, null));
		assertNotFound(this.api.send("DELETE", "/api/conversations/" + UUID.randomUUID(), this.team.admin().token(),
				null, null));
		assertNotFound(this.api.send("DELETE", "/api/conversations/not-an-id", this.team.admin().token(), null, null));

		assertThat(this.api.get(path + "/messages?limit=100", this.team.admin().token()).data().toString())
			.isEqualTo(before);
	}

	private long rows(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE conversation_id = ?")
			.param(UUID.fromString(this.id))
			.query(Long.class)
			.single();
	}

	private static void assertNotFound(Reply reply) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("Conversation not found");
	}

	/** The data of the next frame of this kind, past others. */
	private static JsonNode await(Socket socket, String event) {
		for (int frames = 0; frames < 50; frames++) {
			JsonNode frame = socket.next();
			if (frame.get("event").stringValue().equals(event)) {
				return frame.get("data");
			}
		}
		throw new AssertionError("no " + event + " in 50 frames");
	}

	private List<String> storedFiles() {
		try (Stream<Path> files = Files.walk(this.storage.root())) {
			return files.filter(Files::isRegularFile).map((found) -> found.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

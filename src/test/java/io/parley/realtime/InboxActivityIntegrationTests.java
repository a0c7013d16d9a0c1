package io.parley.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import io.parley.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inboxes move on new messages (decision 106): a socket subscribed with
 * {@code activity: true} hears, at most once a round per conversation, of new messages in
 * the conversations its member sees, and no other socket does.
 */
@ParleyIntegrationTest
class InboxActivityIntegrationTests {

	/** Longer than a few rounds of {@code PARLEY_INBOX_ACTIVITY_INTERVAL}. */
	static final Duration ROUNDS = Duration.ofSeconds(10);

	static final Duration QUIET = Duration.ofMillis(1500);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@Test
	void aVisitorsMessageReachesTheInboxesThatSeeTheConversationAndNoOther() {
		Visitors visitors = new Visitors(this.context);
		TestVisitor visitor = visitors.visitor(WorkspaceId.DEFAULT.toString(), "Vera");
		String id = visitors.conversation(visitor, "Hello");
		String elsewhere = this.api.post("/api/workspaces", this.team.admin().token(), Map.of("name", "Elsewhere"))
			.data()
			.get("token")
			.stringValue();
		try (Socket admin = subscribed(this.team.admin().token(), true);
				Socket withoutActivity = subscribed(this.team.admin().token(), false);
				Socket agent = subscribed(this.team.agent().token(), true);
				Socket otherWorkspace = subscribed(elsewhere, true)) {
			Api.Reply posted = this.api.post("/api/widget/conversations/" + id + "/messages", visitor.token(),
					Map.of("content", "Is anyone there?"));
			assertThat(posted.status()).as(posted.raw()).isEqualTo(201);

			JsonNode activity = awaitActivity(admin, id, 2).get(0);
			assertThat(activity.get("status").stringValue()).isEqualTo("open");
			assertThat(activity.get("agentId").isNull()).isTrue();
			assertThat(activity.get("lastSequence").longValue()).isEqualTo(2);
			assertThat(activity.get("lastMessageAt").stringValue()).isNotBlank();
			assertThat(activity.get("updatedAt").stringValue()).isNotBlank();

			// sent in the same round as the admin's, had it been sent
			assertThat(activityIn(agent, QUIET)).as("an agent who does not see the conversation").isEmpty();
			assertThat(activityIn(withoutActivity, QUIET)).as("a socket that did not ask for activity").isEmpty();
			assertThat(activityIn(otherWorkspace, QUIET)).as("another workspace").isEmpty();
		}
	}

	@Test
	void manyMessagesInARoundComeAsOneFrameThatNamesTheLastOfThem() {
		String id = this.api.assignedConversation(this.team);
		try (Socket agent = subscribed(this.team.agent().token(), true)) {
			long last = 0;
			int count = 10;
			for (int i = 1; i <= count; i++) {
				Api.Reply posted = this.api.post("/api/conversations/" + id + "/messages",
						this.team.candidate().token(), Map.of("content", "Message " + i));
				assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
				last = posted.data().get("sequence").longValue();
			}

			List<JsonNode> frames = awaitActivity(agent, id, last);
			assertThat(frames).as("frames for %s messages", count).hasSizeLessThan(count);
			assertThat(frames.get(frames.size() - 1).get("agentId").stringValue()).isEqualTo(this.team.agent().id());
			assertThat(frames.get(frames.size() - 1).get("status").stringValue()).isEqualTo("open");
		}
	}

	private Socket subscribed(String token, boolean activity) {
		Socket socket = Socket.connect(this.port, token);
		socket.send("SUBSCRIBE_INBOX", activity ? Map.of("activity", true) : Map.of());
		assertThat(socket.expect("INBOX_SUBSCRIBED").get("workspaceId").stringValue()).isNotBlank();
		return socket;
	}

	/**
	 * The socket's {@code CONVERSATION_ACTIVITY} frames of the conversation until one
	 * names {@code sequence}, that one last; other frames are passed over.
	 */
	private static List<JsonNode> awaitActivity(Socket socket, String conversationId, long sequence) {
		List<JsonNode> seen = new ArrayList<>();
		long deadline = System.nanoTime() + ROUNDS.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode frame = socket.poll(Duration.ofMillis(200));
			if (frame == null || !frame.get("event").stringValue().equals("CONVERSATION_ACTIVITY")) {
				continue;
			}
			JsonNode data = frame.get("data");
			if (data.get("conversationId").stringValue().equals(conversationId)) {
				seen.add(data);
				if (data.get("lastSequence").longValue() >= sequence) {
					return seen;
				}
			}
		}
		throw new AssertionError(
				"no CONVERSATION_ACTIVITY up to sequence " + sequence + " within " + ROUNDS + "; seen " + seen);
	}

	private static List<JsonNode> activityIn(Socket socket, Duration duration) {
		List<JsonNode> seen = new ArrayList<>();
		long deadline = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode frame = socket.poll(Duration.ofMillis(100));
			if (frame != null && frame.get("event").stringValue().equals("CONVERSATION_ACTIVITY")) {
				seen.add(frame);
			}
		}
		return seen;
	}

}

package io.parley.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CONVERSATION_MERGED} (decision 84): to everyone in the merged conversation's
 * room before it closes, and to the inboxes of the staff who see it, nobody else's.
 */
@ParleyIntegrationTest
class MergeSocketIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theRoomAndTheInboxesThatSeeItAreToldWhereTheConversationGoesOn() {
		Api api = new Api(this.port);
		Visitors visitors = new Visitors(this.context);
		TestWorkspace workspace = TestWorkspace.create(api);
		TestUser agent = workspace.join(api, Map.of("role", "agent"));
		TestUser otherAgent = workspace.join(api, Map.of("role", "agent"));
		TestVisitor ada = visitors.visitor(workspace.id(), "Ada");
		String kept = visitors.conversation(ada, "first");
		String merged = visitors.conversation(ada, "second");
		for (String conversation : List.of(kept, merged)) {
			assertThat(api
				.post("/api/conversations/" + conversation + "/assign", workspace.owner().token(),
						Map.of("agentId", agent.id()))
				.status()).isEqualTo(200);
		}
		try (Socket visitor = Socket.connectWithQuery(this.port, "?visitorTicket=" + visitors.ticket(ada));
				Socket inRoom = Socket.connect(this.port, agent.token());
				Socket inbox = Socket.connect(this.port, workspace.owner().token());
				Socket unseen = Socket.connect(this.port, otherAgent.token())) {
			visitor.send("JOIN_CONVERSATION", Map.of("conversationId", merged));
			visitor.expect("JOINED_CONVERSATION");
			inRoom.send("JOIN_CONVERSATION", Map.of("conversationId", merged));
			inRoom.expect("JOINED_CONVERSATION");
			inbox.send("SUBSCRIBE_INBOX", Map.of());
			inbox.expect("INBOX_SUBSCRIBED");
			unseen.send("SUBSCRIBE_INBOX", Map.of());
			unseen.expect("INBOX_SUBSCRIBED");

			Reply reply = api.post("/api/conversations/" + kept + "/merge", workspace.owner().token(),
					Map.of("conversationId", merged));
			assertThat(reply.status()).as(reply.raw()).isEqualTo(200);

			List<String> seen = eventsUntil(visitor, "CONVERSATION_CLOSED");
			assertThat(seen).containsSubsequence("CONVERSATION_MERGED", "CONVERSATION_CLOSED");
			assertThat(eventsUntil(inRoom, "CONVERSATION_CLOSED")).containsSubsequence("CONVERSATION_MERGED",
					"CONVERSATION_CLOSED");
			JsonNode told = until(inbox, "CONVERSATION_MERGED");
			assertThat(told.get("conversationId").stringValue()).isEqualTo(merged);
			assertThat(told.get("intoId").stringValue()).isEqualTo(kept);
			// the agent who sees neither conversation hears nothing of it
			assertThat(framesWithin(unseen, Duration.ofMillis(700))).isEmpty();
		}
	}

	private static List<String> eventsUntil(Socket socket, String last) {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			JsonNode frame = socket.next();
			String event = frame.get("event").stringValue();
			events.add(event);
			if (event.equals("CONVERSATION_MERGED")) {
				assertThat(frame.get("data").get("intoId").isString()).isTrue();
			}
			if (event.equals(last)) {
				return events;
			}
		}
		throw new AssertionError("No " + last + " among " + events);
	}

	private static JsonNode until(Socket socket, String event) {
		for (int i = 0; i < 20; i++) {
			JsonNode frame = socket.next();
			if (frame.get("event").stringValue().equals(event)) {
				return frame.get("data");
			}
		}
		throw new AssertionError("No " + event);
	}

	private static List<JsonNode> framesWithin(Socket socket, Duration duration) {
		List<JsonNode> frames = new ArrayList<>();
		JsonNode frame;
		while ((frame = socket.poll(duration)) != null) {
			frames.add(frame);
		}
		return frames;
	}

}

package io.parley.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The queue of a workspace as conversations arrive and are taken, and the expected wait
 * from its recent first answers.
 */
@ParleyIntegrationTest
class QueueIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ConversationQueue queue;

	@Autowired
	ConversationIntake intake;

	@Autowired
	TestClock clock;

	Api api;

	TestWorkspace workspace;

	WorkspaceId workspaceId;

	TestUser agent;

	@BeforeEach
	void workspaceWithAnAgent() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.workspaceId = new WorkspaceId(UUID.fromString(this.workspace.id()));
		this.agent = this.workspace.join(this.api, Map.of("role", "agent"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void positionsFollowArrivalsAndAssignmentsAndTheWaitIsTheMedianFirstAnswer() {
		ConversationId first = arrive("first");
		this.clock.advance(Duration.ofSeconds(1));
		ConversationId second = arrive("second");
		this.clock.advance(Duration.ofSeconds(1));
		ConversationId third = arrive("third");

		assertThat(position(first)).isEqualTo(1);
		assertThat(position(second)).isEqualTo(2);
		assertThat(position(third)).isEqualTo(3);
		assertThat(this.queue.queueOf(this.workspaceId, first).orElseThrow().expectedWaitSeconds())
			.as("nobody was answered yet")
			.isNull();

		ConversationId offline = this.intake
			.leaveOffline(this.workspaceId, null, "away-" + UUID.randomUUID() + "@example.com", "Call me",
					Conversation.Context.NONE, null)
			.conversation()
			.id();
		assertThat(this.queue.queueOf(this.workspaceId, offline)).as("an offline message waits in no queue").isEmpty();
		assertThat(position(third)).isEqualTo(3);

		assign(first);
		assertThat(this.queue.queueOf(this.workspaceId, first)).as("taken").isEmpty();
		assertThat(position(second)).isEqualTo(1);
		assertThat(position(third)).isEqualTo(2);

		// the first answer to the first conversation, 2 + 120 s after it arrived
		this.clock.advance(Duration.ofSeconds(120));
		answer(first);
		assertThat(this.queue.queueOf(this.workspaceId, third).orElseThrow().expectedWaitSeconds()).isCloseTo(122L,
				within(2L));

		// the second conversation's, 1 + 120 + 60 s after it arrived
		assign(second);
		this.clock.advance(Duration.ofSeconds(60));
		answer(second);
		QueueEstimate last = this.queue.queueOf(this.workspaceId, third).orElseThrow();
		assertThat(last.position()).isEqualTo(1);
		assertThat(last.expectedWaitSeconds()).as("the median of 122 s and 181 s").isCloseTo(152L, within(2L));

		ConversationId fourth = arrive("fourth");
		assertThat(position(fourth)).isEqualTo(2);
		Reply closed = this.api.send("PATCH", "/api/conversations/" + third, this.workspace.owner().token(),
				"application/json", "{\"status\":\"closed\"}");
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
		assertThat(this.queue.queueOf(this.workspaceId, third)).isEmpty();
		assertThat(position(fourth)).isEqualTo(1);

		// a week later, those answers are too old to tell
		this.clock.advance(Duration.ofDays(8));
		assertThat(this.queue.queueOf(this.workspaceId, fourth).orElseThrow().expectedWaitSeconds()).isNull();
		assertThat(this.queue.queueOf(new WorkspaceId(UUID.randomUUID()), fourth))
			.as("another workspace's conversation")
			.isEmpty();
	}

	private int position(ConversationId conversation) {
		Optional<QueueEstimate> estimate = this.queue.queueOf(this.workspaceId, conversation);
		assertThat(estimate).as("in the queue").isPresent();
		return estimate.get().position();
	}

	private ConversationId arrive(String name) {
		Reply created = this.api.post("/api/contacts", this.workspace.owner().token(),
				Map.of("name", name, "email", name + "-" + UUID.randomUUID() + "@example.com"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		ContactId contact = ContactId.parse(created.data().get("id").stringValue()).orElseThrow();
		return this.intake.start(this.workspaceId, contact, Channel.WEB, Conversation.Context.NONE, "Hello", null)
			.conversation()
			.id();
	}

	private void assign(ConversationId conversation) {
		Reply assigned = this.api.post("/api/conversations/" + conversation + "/assign", this.workspace.owner().token(),
				Map.of("agentId", this.agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
	}

	private void answer(ConversationId conversation) {
		Reply answered = this.api.post("/api/conversations/" + conversation + "/messages", this.agent.token(),
				Map.of("content", "Hi, how can I help?"));
		assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
	}

}

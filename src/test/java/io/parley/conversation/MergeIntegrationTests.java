package io.parley.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging two conversations of a contact over the REST API (decisions 84 and 85): the
 * merged one closes with a pointer, the other's history interleaves both by time, and
 * every refusal changes nothing.
 */
@ParleyIntegrationTest
class MergeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClock clock;

	Api api;

	Visitors visitors;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theMergedConversationClosesWithAPointerAndTheHistoryInterleavesBothByTime() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String owner = workspace.owner().token();
		TestVisitor ada = this.visitors.visitor(workspace.id(), "Ada");
		String kept = this.visitors.conversation(ada, "A1 my order is late");
		this.clock.advance(Duration.ofSeconds(1));
		String merged = this.visitors.conversation(ada, "B1 and the invoice is wrong");
		this.clock.advance(Duration.ofSeconds(1));
		write(ada, kept, "A2 any news?");
		this.clock.advance(Duration.ofSeconds(1));
		write(ada, merged, "B2 it says 40 euros");

		Reply reply = this.api.post("/api/conversations/" + kept + "/merge", owner, Map.of("conversationId", merged));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("id").stringValue()).isEqualTo(kept);
		assertThat(reply.data().get("status").stringValue()).isEqualTo("open");
		assertThat(reply.data().get("mergedInto").isNull()).isTrue();
		JsonNode closed = this.api.get("/api/conversations/" + merged, owner).data();
		assertThat(closed.get("status").stringValue()).isEqualTo("closed");
		assertThat(closed.get("mergedInto").stringValue()).isEqualTo(kept);
		// the visitor's own view of the merged one points to where it goes on
		JsonNode customer = this.api.get("/api/widget/conversations/" + merged, ada.token()).data();
		assertThat(customer.get("status").stringValue()).isEqualTo("closed");
		assertThat(customer.get("mergedInto").stringValue()).isEqualTo(kept);

		Eventually.until("both system lines",
				() -> contents(history(kept, owner, 100)).stream()
					.anyMatch((line) -> line.endsWith("merged " + label(merged) + " into this conversation"))
						&& contents(history(kept, owner, 100)).stream()
							.anyMatch((line) -> line.endsWith("merged this conversation into " + label(kept))));
		List<JsonNode> all = history(kept, owner, 100);
		assertThat(contents(all).subList(0, 4)).containsExactly("A1 my order is late", "B1 and the invoice is wrong",
				"A2 any news?", "B2 it says 40 euros");
		// every message keeps its own conversation and sequence
		assertThat(all.subList(0, 4).stream().map((m) -> m.get("conversationId").stringValue())).containsExactly(kept,
				merged, kept, merged);
		assertThat(all.subList(0, 4).stream().map((m) -> m.get("sequence").asLong())).containsExactly(1L, 1L, 2L, 2L);
		assertThat(this.api.get("/api/conversations/" + merged + "/messages?limit=100", owner)
			.data()
			.get("items")
			.get(0)
			.get("content")
			.stringValue()).isEqualTo("B1 and the invoice is wrong");

		// paged back two at a time, the same history
		List<JsonNode> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.api
				.get("/api/conversations/" + kept + "/history?limit=2" + ((cursor != null) ? "&before=" + cursor : ""),
						owner)
				.data();
			List<JsonNode> items = new ArrayList<>();
			page.get("items").forEach(items::add);
			paged.addAll(0, items);
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
		}
		while (cursor != null);
		assertThat(contents(paged)).isEqualTo(contents(all));
	}

	@Test
	void mailAndMessagesGoOnlyWhereTheyMayAndRefusalsChangeNothing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String owner = workspace.owner().token();
		TestVisitor ada = this.visitors.visitor(workspace.id(), "Ada");
		String kept = this.visitors.conversation(ada, "first");
		String other = this.visitors.conversation(ada, "second");
		String stranger = this.visitors.conversation(this.visitors.visitor(workspace.id(), "Bob"), "not Ada's");

		Reply itself = this.api.post("/api/conversations/" + kept + "/merge", owner, Map.of("conversationId", kept));
		Reply otherContact = this.api.post("/api/conversations/" + kept + "/merge", owner,
				Map.of("conversationId", stranger));
		Reply noBody = this.api.post("/api/conversations/" + kept + "/merge", owner, Map.of());
		Reply nothing = this.api.post("/api/conversations/" + kept + "/merge", owner,
				Map.of("conversationId", "00000000-0000-0000-0000-000000000000"));
		Reply history = this.api.get("/api/conversations/" + kept + "/history?before=garbled", owner);

		assertThat(itself.status()).isEqualTo(400);
		assertThat(itself.error()).isEqualTo("A conversation cannot be merged into itself");
		assertThat(otherContact.status()).isEqualTo(409);
		assertThat(otherContact.error()).isEqualTo("Only conversations of the same contact can be merged");
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.error()).isEqualTo("Invalid request schema");
		assertThat(nothing.status()).isEqualTo(404);
		assertThat(history.status()).isEqualTo(400);
		assertThat(history.error()).isEqualTo("Invalid request schema");

		assertThat(
				this.api.post("/api/conversations/" + kept + "/merge", owner, Map.of("conversationId", other)).status())
			.isEqualTo(200);
		Reply again = this.api.post("/api/conversations/" + kept + "/merge", owner, Map.of("conversationId", other));
		Reply intoMerged = this.api.post("/api/conversations/" + other + "/merge", owner,
				Map.of("conversationId", kept));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("Only active conversations that were not merged can be merged");
		assertThat(intoMerged.status()).isEqualTo(409);
		assertThat(status(kept, owner)).isEqualTo("open");
		assertThat(status(stranger, owner)).isEqualTo("open");
	}

	@Test
	void onlyWhoSeesBothAndMayCloseTheMergedOneMerges() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String owner = workspace.owner().token();
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		TestUser supervisor = workspace.join(this.api, Map.of("role", "supervisor"));
		TestVisitor ada = this.visitors.visitor(workspace.id(), "Ada");
		String kept = this.visitors.conversation(ada, "first");
		String other = this.visitors.conversation(ada, "second");

		// an agent who handles neither sees neither
		Reply unseen = this.api.post("/api/conversations/" + kept + "/merge", agent.token(),
				Map.of("conversationId", other));
		this.api.post("/api/conversations/" + kept + "/assign", owner, Map.of("agentId", agent.id()));
		// sees the one kept, not the other
		Reply half = this.api.post("/api/conversations/" + kept + "/merge", agent.token(),
				Map.of("conversationId", other));
		Reply readOnly = this.api.post("/api/conversations/" + kept + "/merge", supervisor.token(),
				Map.of("conversationId", other));
		Reply visitor = this.api.post("/api/conversations/" + kept + "/merge", ada.token(),
				Map.of("conversationId", other));

		assertThat(unseen.status()).as(unseen.raw()).isEqualTo(403);
		assertThat(half.status()).as(half.raw()).isEqualTo(403);
		assertThat(readOnly.status()).as(readOnly.raw()).isEqualTo(403);
		assertThat(visitor.status()).as(visitor.raw()).isIn(401, 403);
		assertThat(status(other, owner)).isEqualTo("open");

		this.api.post("/api/conversations/" + other + "/assign", owner, Map.of("agentId", agent.id()));
		Reply handled = this.api.post("/api/conversations/" + kept + "/merge", agent.token(),
				Map.of("conversationId", other));
		assertThat(handled.status()).as(handled.raw()).isEqualTo(200);
		assertThat(status(other, owner)).isEqualTo("closed");
		assertThat(this.api.get("/api/conversations/" + kept + "/history", agent.token()).status()).isEqualTo(200);
	}

	@Test
	void anotherWorkspaceFindsNeither() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestVisitor ada = this.visitors.visitor(workspace.id(), "Ada");
		String kept = this.visitors.conversation(ada, "first");
		String other = this.visitors.conversation(ada, "second");
		TestWorkspace foreign = TestWorkspace.create(this.api);
		TestVisitor theirs = this.visitors.visitor(foreign.id(), "Eve");
		String foreignOne = this.visitors.conversation(theirs, "mine");

		Reply merge = this.api.post("/api/conversations/" + kept + "/merge", foreign.owner().token(),
				Map.of("conversationId", other));
		Reply intoForeign = this.api.post("/api/conversations/" + foreignOne + "/merge", foreign.owner().token(),
				Map.of("conversationId", kept));
		Reply fromForeign = this.api.post("/api/conversations/" + kept + "/merge", workspace.owner().token(),
				Map.of("conversationId", foreignOne));
		Reply history = this.api.get("/api/conversations/" + kept + "/history", foreign.owner().token());

		assertThat(merge.status()).isEqualTo(404);
		assertThat(intoForeign.status()).isEqualTo(404);
		assertThat(fromForeign.status()).isEqualTo(404);
		assertThat(history.status()).isEqualTo(404);
		assertThat(status(kept, workspace.owner().token())).isEqualTo("open");
		assertThat(status(other, workspace.owner().token())).isEqualTo("open");
		assertThat(status(foreignOne, foreign.owner().token())).isEqualTo("open");
	}

	private void write(TestVisitor visitor, String conversation, String content) {
		Reply wrote = this.api.post("/api/widget/conversations/" + conversation + "/messages", visitor.token(),
				Map.of("content", content));
		assertThat(wrote.status()).as(wrote.raw()).isIn(200, 201);
	}

	private List<JsonNode> history(String conversation, String token, int limit) {
		List<JsonNode> items = new ArrayList<>();
		this.api.get("/api/conversations/" + conversation + "/history?limit=" + limit, token)
			.data()
			.get("items")
			.forEach(items::add);
		return items;
	}

	private static List<String> contents(List<JsonNode> messages) {
		return messages.stream().map((message) -> message.get("content").stringValue()).toList();
	}

	private String status(String conversation, String token) {
		return this.api.get("/api/conversations/" + conversation, token).data().get("status").stringValue();
	}

	private static String label(String conversation) {
		return "#" + conversation.substring(0, 8);
	}

}

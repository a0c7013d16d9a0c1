package io.parley.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.EventStreamClient;
import io.parley.support.EventStreamClient.Event;
import io.parley.support.EventStreamClient.Refusal;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's fallback transport: {@code GET /api/widget/events} carries the visitor
 * socket's events with their data, resumes by {@code afterSequence} and
 * {@code Last-Event-ID}, and never carries what the customer may not see.
 */
@ParleyIntegrationTest
class VisitorEventStreamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	Visitors visitors;

	TestWorkspace workspace;

	TestUser agent;

	TestVisitor visitor;

	String id;

	@BeforeEach
	void anAssignedConversationOfAVisitor() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.workspace = TestWorkspace.create(this.api);
		this.agent = this.workspace.join(this.api, Map.of("role", "agent"));
		this.visitor = this.visitors.visitor(this.workspace.id(), "Vera Visitor");
		this.id = this.visitors.conversation(this.visitor, "Hello?");
		Reply assigned = this.api.post("/api/conversations/" + this.id + "/assign", this.workspace.owner().token(),
				Map.of("agentId", this.agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		this.api.awaitSystemLines(this.id, this.workspace.owner().token(), 1);
	}

	@Test
	void theStreamCarriesTheSocketsEventsLiveWithoutNotes() {
		postAsAgent("reply 1");
		postNote("a note");
		try (EventStreamClient stream = open("&afterSequence=0", Map.of());
				Socket agent = Socket.connect(this.port, this.agent.token())) {
			Event joined = stream.expect("JOINED_CONVERSATION");
			assertThat(joined.json().get("conversationId").stringValue()).isEqualTo(this.id);
			assertThat(joined.json().get("agent").get("name").stringValue()).isEqualTo("Member");
			Event first = stream.expect("NEW_MESSAGE");
			assertThat(first.id()).isEqualTo("1");
			assertThat(first.json().get("content").stringValue()).isEqualTo("Hello?");
			Event second = stream.expect("NEW_MESSAGE");
			assertThat(second.id()).isEqualTo("2");
			assertThat(second.json().get("author").get("type").stringValue()).isEqualTo("member");

			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");
			postNote("another note");
			postAsAgent("Grüße, \"quoted\" ,\"sequence\":99 — fine");
			Event live = stream.expect("NEW_MESSAGE");
			assertThat(live.id()).isEqualTo("3");
			assertThat(live.json().get("content").stringValue()).isEqualTo("Grüße, \"quoted\" ,\"sequence\":99 — fine");
			assertThat(live.json().get("sequence").asLong()).isEqualTo(3);

			agent.send("TYPING", Map.of("conversationId", this.id, "typing", true));
			Event typing = stream.expect("TYPING");
			assertThat(typing.id()).isNull();
			assertThat(typing.json().get("author").get("type").stringValue()).isEqualTo("member");
			assertThat(typing.json().get("typing").asBoolean()).isTrue();

			agent.send("READ", Map.of("conversationId", this.id, "sequence", 1));
			assertThat(stream.expect("READ").json().get("sequence").asLong()).isEqualTo(1);

			agent.send("CLOSE_CONVERSATION", Map.of("conversationId", this.id));
			assertThat(stream.expect("CONVERSATION_CLOSED").json().get("conversationId").stringValue())
				.isEqualTo(this.id);
			// a stream follows one conversation
			stream.awaitEnd();
		}
	}

	@Test
	void theStreamTellsTheVisitorTheirConversationWasResolved() {
		try (EventStreamClient stream = open("", Map.of())) {
			stream.expect("JOINED_CONVERSATION");
			Reply resolved = this.api.send("PATCH", "/api/conversations/" + this.id, this.agent.token(),
					"application/json", "{\"status\":\"resolved\"}");
			assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
			Event status = stream.expect("CONVERSATION_STATUS");
			assertThat(status.json().get("conversationId").stringValue()).isEqualTo(this.id);
			assertThat(status.json().get("status").stringValue()).isEqualTo("resolved");
		}
	}

	@Test
	void aNewStreamResumesAfterTheLastEventIdWithNoGapAndNoDouble() {
		try (EventStreamClient stream = open("", Map.of())) {
			stream.expect("JOINED_CONVERSATION");
			postAsAgent("reply 1");
			assertThat(stream.expect("NEW_MESSAGE").id()).isEqualTo("2");
		}
		postAsAgent("reply 2");
		postNote("a note");
		postAsAgent("reply 3");
		// the browser's EventSource sends the last id it saw; the widget also passes it
		// in the address, which may lag behind
		try (EventStreamClient stream = open("&afterSequence=1", Map.of("Last-Event-ID", "2"))) {
			stream.expect("JOINED_CONVERSATION");
			assertThat(stream.expect("NEW_MESSAGE").json().get("content").stringValue()).isEqualTo("reply 2");
			assertThat(stream.expect("NEW_MESSAGE").json().get("content").stringValue()).isEqualTo("reply 3");
			postAsAgent("reply 4");
			assertThat(stream.expect("NEW_MESSAGE").id()).isEqualTo("5");
			stream.expectSilence(Duration.ofMillis(300));
		}
	}

	@Test
	void aSpentTicketAnotherVisitorsConversationAndAPositionThatIsNoneAreRefusedBeforeTheStream() {
		String ticket = this.visitors.ticket(this.visitor);
		try (EventStreamClient stream = EventStreamClient.open(this.port,
				"/api/widget/events?ticket=" + ticket + "&conversationId=" + this.id, Map.of())) {
			stream.expect("JOINED_CONVERSATION");
		}
		Refusal spent = EventStreamClient.refused(this.port,
				"/api/widget/events?ticket=" + ticket + "&conversationId=" + this.id, Map.of());
		assertThat(spent.status()).isEqualTo(401);
		assertThat(spent.body()).contains("Unauthorized, token missing or invalid");

		TestVisitor other = this.visitors.visitor(this.workspace.id(), "Otto Other");
		Refusal foreign = EventStreamClient.refused(this.port,
				"/api/widget/events?ticket=" + this.visitors.ticket(other) + "&conversationId=" + this.id, Map.of());
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.body()).doesNotContain("Hello?");

		Refusal negative = EventStreamClient.refused(this.port, "/api/widget/events?ticket="
				+ this.visitors.ticket(this.visitor) + "&conversationId=" + this.id + "&afterSequence=-1", Map.of());
		assertThat(negative.status()).isEqualTo(400);
	}

	@Test
	void theVisitorTypesOverRestAndTheStaffInTheRoomSeeIt() throws Exception {
		try (Socket agent = Socket.connect(this.port, this.agent.token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id));
			agent.expect("JOINED_CONVERSATION");
			HttpResponse<String> typed = typing(this.visitor.token(), this.id, "{\"typing\":true}");
			assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
			JsonNode typing = agent.expect("TYPING");
			assertThat(typing.get("author").get("type").stringValue()).isEqualTo("contact");
			assertThat(typing.get("author").get("name").stringValue()).isEqualTo("Vera Visitor");
			assertThat(typing.get("typing").asBoolean()).isTrue();

			assertThat(typing(this.visitor.token(), this.id, "{}").statusCode()).isEqualTo(400);
			assertThat(typing(null, this.id, "{\"typing\":true}").statusCode()).isEqualTo(401);
			TestVisitor other = this.visitors.visitor(this.workspace.id(), "Otto Other");
			assertThat(typing(other.token(), this.id, "{\"typing\":true}").statusCode()).isEqualTo(403);
			agent.expectSilence(Duration.ofMillis(300));
		}
	}

	private HttpResponse<String> typing(String token, String conversationId, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI
				.create("http://localhost:" + this.port + "/api/widget/conversations/" + conversationId + "/typing"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private EventStreamClient open(String query, Map<String, String> headers) {
		return EventStreamClient.open(this.port, "/api/widget/events?ticket=" + this.visitors.ticket(this.visitor)
				+ "&conversationId=" + this.id + query, headers);
	}

	private void postAsAgent(String content) {
		Reply posted = this.api.post("/api/conversations/" + this.id + "/messages", this.agent.token(),
				Map.of("content", content));
		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
	}

	private void postNote(String content) {
		Reply posted = this.api.post("/api/conversations/" + this.id + "/messages", this.agent.token(),
				Map.of("content", content, "type", "note"));
		assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
	}

}

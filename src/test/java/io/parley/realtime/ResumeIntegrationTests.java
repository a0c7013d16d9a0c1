package io.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket that joins with {@code afterSequence} gets what it missed, then the live
 * messages: every one once, in order, even while messages are being committed.
 */
@ParleyIntegrationTest
class ResumeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void conversation() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
	}

	@Test
	void aJoinAfterASequenceGetsWhatWasMissedThenTheLiveMessages() {
		for (int i = 1; i <= 3; i++) {
			post(this.team.candidate().token(), "message " + i);
		}
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 1));
			agent.expect("JOINED_CONVERSATION");
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message 2");
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message 3");
			post(this.team.candidate().token(), "message 4");
			JsonNode live = agent.expect("NEW_MESSAGE");
			assertThat(live.get("sequence").asLong()).isEqualTo(4);
			assertThat(live.get("author").get("type").stringValue()).isEqualTo("contact");
		}
	}

	@Test
	void theStaffResumesNotesTooAndTheCustomerNever() {
		post(this.team.candidate().token(), "message 1");
		// Parley's line for the assignment takes a note number too, written when it comes
		long first = postNote("note 1");
		post(this.team.candidate().token(), "message 2");
		long second = postNote("note 2");
		try (Socket agent = Socket.connect(this.port, this.team.agent().token());
				Socket candidate = Socket.connect(this.port, this.team.candidate().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 1, "afterNote", first));
			agent.expect("JOINED_CONVERSATION");
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message 2");
			JsonNode note = agent.expect("NEW_MESSAGE");
			assertThat(note.get("content").stringValue()).isEqualTo("note 2");
			assertThat(note.get("note").asLong()).isEqualTo(second);

			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 0));
			candidate.expect("JOINED_CONVERSATION");
			assertThat(candidate.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message 1");
			assertThat(candidate.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message 2");
			candidate.assertAlive();
		}
	}

	@Test
	void aResumeBeyondTheLastMessageStillGetsTheNextOne() {
		post(this.team.candidate().token(), "message 1");
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 1000));
			agent.expect("JOINED_CONVERSATION");
			post(this.team.candidate().token(), "message 2");
			assertThat(agent.expect("NEW_MESSAGE").get("sequence").asLong()).isEqualTo(2);
		}
	}

	@Test
	void aResumePositionThatIsNoneIsRefusedAndChangesNothing() {
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", -1));
			agent.expectError("Invalid request schema");
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", "x"));
			agent.expectError("Invalid request schema");
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterNote", 2));
			agent.expectError("Invalid request schema");
			assertThat(this.api.get("/api/conversations/" + this.id, this.team.admin().token())
				.data()
				.get("status")
				.stringValue()).as("not joined").isEqualTo("open");
		}
	}

	@Test
	void textStoredBeforeItWasRefusedReachesTheClientRepairedAndTheSocketLivesOn() {
		// only the embedded database could store a lone surrogate (PostgreSQL refused it)
		Assumptions.assumeFalse(TestDatabase.isPostgres());
		post(this.team.candidate().token(), "fine");
		this.jdbc.update("UPDATE messages SET content = ? WHERE conversation_id = ?", "bad \ud800 text",
				java.util.UUID.fromString(this.id));
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 0));
			agent.expect("JOINED_CONVERSATION");
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("bad \ufffd text");
			agent.assertAlive();
		}
	}

	@Test
	void aJoinRacingABurstGetsEveryMessageOnceInOrder() throws Exception {
		int burst = 150;
		for (int round = 0; round < 5; round++) {
			String conversation = (round == 0) ? this.id : restart();
			int joinAt = 10 + round * 25;
			CountDownLatch halfway = new CountDownLatch(1);
			CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
				for (int i = 1; i <= burst; i++) {
					Reply reply = this.api.post("/api/conversations/" + conversation + "/messages",
							this.team.candidate().token(), Map.of("content", "burst " + i));
					assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
					if (i == joinAt) {
						halfway.countDown();
					}
				}
			});
			assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
			try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
				agent.send("JOIN_CONVERSATION", Map.of("conversationId", conversation, "afterSequence", 0));
				agent.expect("JOINED_CONVERSATION");
				List<Long> received = new ArrayList<>();
				while (received.size() < burst) {
					received.add(agent.expect("NEW_MESSAGE").get("sequence").asLong());
				}
				posting.get(60, TimeUnit.SECONDS);
				assertThat(received).as("round %d", round)
					.isEqualTo(java.util.stream.LongStream.rangeClosed(1, burst).boxed().toList());
				agent.expectSilence(java.time.Duration.ofMillis(200));
			}
		}
	}

	@Test
	void aJoinThatMissedMoreThanTheLimitIsRefusedAndTheClientCatchesUpOverRest() {
		// the suite's limit: parley.ws.resume-limit=200
		for (int i = 1; i <= 201; i++) {
			post(this.team.candidate().token(), "message " + i);
		}
		try (Socket agent = Socket.connect(this.port, this.team.agent().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 0));
			agent.expectError(
					"Too many missed messages, read them with GET /api/conversations/{id}/messages?after= and join again");
			post(this.team.candidate().token(), "message 202");
			agent.expectSilence(java.time.Duration.ofMillis(200));

			String after = "0";
			long last = 0;
			while (after != null) {
				JsonNode page = this.api
					.get("/api/conversations/" + this.id + "/messages?limit=100&after=" + after,
							this.team.candidate().token())
					.data();
				for (JsonNode message : page.get("items")) {
					assertThat(message.get("sequence").asLong()).isEqualTo(last + 1);
					last = message.get("sequence").asLong();
				}
				after = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
			}
			assertThat(last).isEqualTo(202);

			agent.send("JOIN_CONVERSATION", Map.of("conversationId", this.id, "afterSequence", 2));
			agent.expect("JOINED_CONVERSATION");
			List<Long> replayed = new ArrayList<>();
			while (replayed.size() < 200) {
				replayed.add(agent.expect("NEW_MESSAGE").get("sequence").asLong());
			}
			assertThat(replayed).as("exactly the limit is replayed")
				.isEqualTo(java.util.stream.LongStream.rangeClosed(3, 202).boxed().toList());
			post(this.team.candidate().token(), "message 203");
			assertThat(agent.expect("NEW_MESSAGE").get("sequence").asLong()).isEqualTo(203);
		}
	}

	/** Closes the conversation and gives the candidate a new one with the agent. */
	private String restart() {
		Reply closed = this.api.send("PATCH", "/api/conversations/" + this.id, this.team.admin().token(),
				"application/json", "{\"status\":\"closed\"}");
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
		this.id = this.api.assignedConversation(this.team);
		return this.id;
	}

	private void post(String token, String content) {
		Reply reply = this.api.post("/api/conversations/" + this.id + "/messages", token, Map.of("content", content));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
	}

	/** Posts a note and returns its number. */
	private long postNote(String content) {
		Reply reply = this.api.post("/api/conversations/" + this.id + "/messages", this.team.agent().token(),
				Map.of("content", content, "type", "note"));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("note").asLong();
	}

}

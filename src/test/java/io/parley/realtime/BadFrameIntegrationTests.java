package io.parley.realtime;

import java.util.Map;
import java.util.Random;

import io.parley.support.Api;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.DeflateSocket;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames a socket cannot act on get an {@code ERROR} and leave the socket, and the room,
 * working: text that cannot be encoded, and frames over the limit from a client that
 * offers compression, as browsers do.
 */
@ParleyIntegrationTest
class BadFrameIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.team = this.api.team();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"hi \\ud800\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"\\udc00 there\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"nul \\u0000\"}}",
			"{\"event\":\"SEND_MESSAGE\",\"data\":{\"conversationId\":\"%s\",\"content\":\"hi\",\"x\\ud800\":1}}",
			"{\"event\":\"SEND_MESSAGE\\ud800\",\"data\":{\"conversationId\":\"%s\",\"content\":\"hi\"}}" })
	void unencodableTextIsASchemaErrorAndTheRoomKeepsWorking(String template) {
		String id = this.api.assignedConversation(this.team);
		try (Socket candidate = joined(this.team.candidate(), id); Socket agent = joined(this.team.agent(), id)) {
			candidate.sendRaw(template.formatted(id));
			candidate.expectError("Invalid request schema");

			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "still here \uD83D\uDE00"));
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("still here \uD83D\uDE00");
			candidate.assertAlive();
		}
		assertThat(messageCount(id)).isEqualTo(1);
	}

	/**
	 * Browsers offer {@code permessage-deflate}; Parley declines it (decision 37), and
	 * the socket works as any other.
	 */
	@Test
	void aSocketOfferingCompressionIsServedUncompressed() {
		String id = this.api.assignedConversation(this.team);
		try (DeflateSocket candidate = DeflateSocket.connect(this.port, this.team.candidate().token());
				Socket agent = joined(this.team.agent(), id)) {
			assertThat(candidate.extensions()).isEmpty();
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			candidate.expect("JOINED_CONVERSATION");
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "a".repeat(4_000)));
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).hasSize(4_000);
			agent.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "b".repeat(4_000)));
			assertThat(candidate.expect("NEW_MESSAGE").get("content").stringValue()).hasSize(4_000);
		}
	}

	/**
	 * With {@code permessage-deflate} negotiated, Tomcat 11.0.22 ended the 70,000
	 * {@code z} written 50 bytes at a time early ({@code Invalid message format}), then
	 * read the rest as frames and closed the socket with 1002.
	 */
	@ParameterizedTest
	@CsvSource({ "z, 70000, 2147483647", "z, 1000000, 2147483647", "noise, 200000, 2147483647", "z, 70000, 50",
			"noise, 70000, 1460" })
	void anOversizedFrameFromABrowserIsRefusedAndTheSocketStaysOpen(String kind, int size, int chunk) {
		String id = this.api.assignedConversation(this.team);
		try (DeflateSocket candidate = DeflateSocket.connect(this.port, this.team.candidate().token());
				Socket agent = joined(this.team.agent(), id)) {
			candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			candidate.expect("JOINED_CONVERSATION");

			candidate.trickle(chunk).send("SEND_MESSAGE", Map.of("conversationId", id, "content", text(kind, size)));
			candidate.expectError("Invalid request schema");

			candidate.assertAlive();
			candidate.send("SEND_MESSAGE", Map.of("conversationId", id, "content", "after"));
			assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("after");
			assertThat(candidate.isOpen()).isTrue();
		}
		assertThat(messageCount(id)).isEqualTo(1);
	}

	private static String text(String kind, int size) {
		if (kind.equals("z")) {
			return "z".repeat(size);
		}
		StringBuilder noise = new StringBuilder(size);
		Random random = new Random(size);
		for (int i = 0; i < size; i++) {
			noise.append((char) ('!' + random.nextInt(90)));
		}
		return noise.toString();
	}

	private Socket joined(TestUser user, String conversationId) {
		Socket socket = Socket.connect(this.port, user.token());
		socket.send("JOIN_CONVERSATION", Map.of("conversationId", conversationId));
		socket.expect("JOINED_CONVERSATION");
		return socket;
	}

	private int messageCount(String id) {
		return this.api.get("/conversations/" + id, this.team.admin().token()).data().get("messages").size();
	}

}

package io.parley.support;

import java.util.Map;

import io.parley.support.Api.Team;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks in a conversation through real sockets: the candidate sends, the agent receives.
 */
public final class Conversations {

	private Conversations() {
	}

	/**
	 * Sends {@code count} messages from the candidate and waits until the agent has
	 * received each.
	 */
	public static void exchange(int port, Team team, String conversationId, int count) {
		try (Socket candidate = Socket.connect(port, team.candidate().token());
				Socket agent = Socket.connect(port, team.agent().token())) {
			join(candidate, conversationId);
			join(agent, conversationId);
			for (int i = 0; i < count; i++) {
				candidate.send("SEND_MESSAGE", Map.of("conversationId", conversationId, "content", "message " + i));
				assertThat(agent.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("message " + i);
			}
		}
	}

	/**
	 * Asserts the conversation holds exactly the messages {@link #exchange} sent, in
	 * order.
	 */
	public static void assertMessages(JsonNode conversation, int count) {
		JsonNode messages = conversation.get("messages");
		assertThat(messages.size()).isEqualTo(count);
		for (int i = 0; i < count; i++) {
			assertThat(messages.get(i).get("content").stringValue()).isEqualTo("message " + i);
			assertThat(messages.get(i).get("sequence").asLong()).isEqualTo(i + 1);
			assertThat(messages.get(i).get("senderRole").stringValue()).isEqualTo("candidate");
		}
	}

	private static void join(Socket socket, String conversationId) {
		socket.send("JOIN_CONVERSATION", Map.of("conversationId", conversationId));
		socket.expect("JOINED_CONVERSATION");
	}

}

package io.parley.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.StalledSocket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading is closed once it falls behind, holds up nobody else in its
 * room, and resumes without losing a message; the sender is never told of a failure.
 */
@ParleyIntegrationTest
@TestPropertySource(properties = { "parley.ws.outbox-capacity=64", "parley.ws.send-timeout=2s" })
class SlowConsumerIntegrationTests {

	private static final int MOST = 3000;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void aClientThatStopsReadingIsClosedAndResumesWhileTheOthersGetEveryMessage() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		String content = "x".repeat(4000);
		double droppedBefore = dropped();

		try (Socket agent = Socket.connect(this.port, team.agent().token());
				StalledSocket stalled = StalledSocket.connect(this.port, team.candidate().token())) {
			agent.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			agent.expect("JOINED_CONVERSATION");
			stalled.send("{\"event\":\"JOIN_CONVERSATION\",\"data\":{\"conversationId\":\"" + id + "\"}}");
			assertThat(stalled.nextText()).contains("JOINED_CONVERSATION");

			// the stalled client reads no more; the agent writes on over REST
			List<Long> received = new ArrayList<>();
			int posted = 0;
			while (dropped() == droppedBefore && posted < MOST) {
				Reply reply = api.post("/api/conversations/" + id + "/messages", team.agent().token(),
						Map.of("content", content));
				assertThat(reply.status()).as("the sender never sees a failure: %s", reply.raw()).isEqualTo(201);
				posted++;
				received.add(agent.expect("NEW_MESSAGE").get("sequence").asLong());
			}

			assertThat(dropped()).as("the stalled client was dropped").isGreaterThan(droppedBefore);
			assertThat(received).isEqualTo(LongStream.rangeClosed(1, posted).boxed().toList());
			assertThat(stalled.drainUntilClosed()).isIn(1008, -1);
			agent.assertAlive();

			try (Socket candidate = Socket.connect(this.port, team.candidate().token())) {
				candidate.send("JOIN_CONVERSATION", Map.of("conversationId", id, "afterSequence", 0));
				candidate.expect("JOINED_CONVERSATION");
				for (long sequence = 1; sequence <= posted; sequence++) {
					assertThat(candidate.expect("NEW_MESSAGE").get("sequence").asLong()).isEqualTo(sequence);
				}
			}
		}
	}

	private double dropped() {
		return this.meters.get("parley.ws.dropped.behind").counter().count();
	}

	/**
	 * Small kernel send buffers, so a client that stops reading backs up into Parley
	 * after a few frames rather than after megabytes.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSocketBuffers {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallSendBuffers() {
			return (factory) -> factory
				.addConnectorCustomizers((connector) -> connector.setProperty("socket.txBufSize", "8192"));
		}

	}

}

package io.parley.realtime;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.EventStreamClient;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.Socket;
import io.parley.support.StalledSocket;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import io.parley.support.Visitors.TestVisitor;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

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

	@MockitoSpyBean
	Outboxes outboxes;

	@Autowired
	ApplicationContext context;

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

	@Test
	void aSendThatThrowsDropsOnlyItsSocketAndTheRoomReceivesOn() throws Exception {
		Api api = new Api(this.port);
		Team team = api.team();
		String id = api.assignedConversation(team);
		String path = "/api/conversations/" + id + "/messages";
		// the next socket's container refuses any frame that carries "boom"
		AtomicBoolean breakNext = new AtomicBoolean(true);
		doAnswer((invocation) -> {
			if (!breakNext.getAndSet(false)) {
				return invocation.callRealMethod();
			}
			Connection connection = invocation.getArgument(0);
			WebSocketSession socket = invocation.getArgument(1);
			RemoteEndpoint.Async remote = ((NativeWebSocketSession) socket).getNativeSession(Session.class)
				.getAsyncRemote();
			return new Outbox(refusing(remote, "boom"), socket, 64, this.outboxes,
					() -> connection.close(Connection.FELL_BEHIND));
		}).when(this.outboxes).open(any(), any());

		try (Socket broken = Socket.connect(this.port, team.candidate().token());
				Socket candidate = Socket.connect(this.port, team.candidate().token());
				Socket agent = Socket.connect(this.port, team.agent().token())) {
			for (Socket socket : List.of(broken, candidate, agent)) {
				socket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
				socket.expect("JOINED_CONVERSATION");
			}

			Reply boom = api.post(path, team.agent().token(), Map.of("content", "boom"));
			Reply after = api.post(path, team.agent().token(), Map.of("content", "after"));

			assertThat(boom.status()).as(boom.raw()).isEqualTo(201);
			assertThat(after.status()).as(after.raw()).isEqualTo(201);
			assertThat(broken.awaitClose()).isEqualTo(1008);
			for (Socket socket : List.of(candidate, agent)) {
				assertThat(socket.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("boom");
				assertThat(socket.expect("NEW_MESSAGE").get("content").stringValue()).isEqualTo("after");
				socket.assertAlive();
			}
		}
	}

	/** A remote end whose sends of frames holding {@code marker} throw. */
	private static RemoteEndpoint.Async refusing(RemoteEndpoint.Async remote, String marker) {
		return (RemoteEndpoint.Async) Proxy.newProxyInstance(RemoteEndpoint.Async.class.getClassLoader(),
				new Class<?>[] { RemoteEndpoint.Async.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("sendText") && String.valueOf(arguments[0]).contains(marker)) {
						throw new IllegalStateException("the container cannot take the frame");
					}
					try {
						return method.invoke(remote, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Test
	void aVisitorsEventStreamThatStopsReadingIsDroppedWhileTheRoomReceivesOnAndItResumes() throws Exception {
		Api api = new Api(this.port);
		Visitors visitors = new Visitors(this.context);
		TestWorkspace workspace = TestWorkspace.create(api);
		TestUser agent = workspace.join(api, Map.of("role", "agent"));
		TestVisitor visitor = visitors.visitor(workspace.id(), "Vera Visitor");
		String id = visitors.conversation(visitor, "Hello?");
		assertThat(api
			.post("/api/conversations/" + id + "/assign", workspace.owner().token(), Map.of("agentId", agent.id()))
			.status()).isEqualTo(200);
		String content = "x".repeat(4000);
		double droppedBefore = dropped();

		try (Socket agentSocket = Socket.connect(this.port, agent.token());
				java.net.Socket stalled = new java.net.Socket()) {
			agentSocket.send("JOIN_CONVERSATION", Map.of("conversationId", id));
			agentSocket.expect("JOINED_CONVERSATION");
			stalled.setReceiveBufferSize(4096);
			stalled.connect(new InetSocketAddress("localhost", this.port), 10_000);
			stalled.setSoTimeout(30_000);
			stalled.getOutputStream()
				.write(("GET /api/widget/events?ticket=" + visitors.ticket(visitor) + "&conversationId=" + id
						+ " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			InputStream in = stalled.getInputStream();
			StringBuilder seen = new StringBuilder();
			while (!seen.toString().contains("JOINED_CONVERSATION")) {
				int next = in.read();
				assertThat(next).as("the stream ended: %s", seen).isNotNegative();
				seen.append((char) next);
			}
			assertThat(seen.toString()).startsWith("HTTP/1.1 200");

			// the stalled stream reads no more; the agent writes on
			List<Long> received = new ArrayList<>();
			int posted = 0;
			while (dropped() == droppedBefore && posted < MOST) {
				Reply reply = api.post("/api/conversations/" + id + "/messages", agent.token(),
						Map.of("content", content));
				assertThat(reply.status()).as("the sender never sees a failure: %s", reply.raw()).isEqualTo(201);
				posted++;
				// posted over REST, it reaches the agent's own socket too
				received.add(agentSocket.expect("NEW_MESSAGE").get("sequence").asLong());
			}
			assertThat(dropped()).as("the stalled stream was dropped").isGreaterThan(droppedBefore);
			assertThat(received).isEqualTo(LongStream.rangeClosed(2, posted + 1).boxed().toList());
			// once it reads again, what piled up ends with the end of the stream
			while (in.read(new byte[8192]) >= 0) {
				// skip
			}
			agentSocket.assertAlive();

			try (EventStreamClient again = EventStreamClient.open(this.port, "/api/widget/events?ticket="
					+ visitors.ticket(visitor) + "&conversationId=" + id + "&afterSequence=1", Map.of())) {
				again.expect("JOINED_CONVERSATION");
				for (long sequence = 2; sequence <= posted + 1; sequence++) {
					assertThat(again.expect("NEW_MESSAGE").id()).isEqualTo(Long.toString(sequence));
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

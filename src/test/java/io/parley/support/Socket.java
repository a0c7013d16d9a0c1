package io.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real WebSocket client (the JDK's) on Parley's {@code /ws}, collecting the frames it
 * receives.
 */
public final class Socket implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private Socket(int port, String query) {
		this(port, query, null);
	}

	private Socket(int port, String query, String origin) {
		WebSocket.Builder builder = HTTP.newWebSocketBuilder();
		if (origin != null) {
			builder.header("Origin", origin);
		}
		this.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), new Listener())
			.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	/**
	 * Connects with seed 003's {@code ?token=}, or with no credential for {@code null}.
	 */
	public static Socket connect(int port, String token) {
		return new Socket(port, (token != null) ? "?token=" + token : "");
	}

	/** Connects with a ticket from {@code POST /api/socket-tickets}, as browsers do. */
	public static Socket connectWithTicket(int port, String ticket) {
		return new Socket(port, "?ticket=" + ticket);
	}

	/** Connects with {@code query} as the handshake's query string ({@code ?a=b&...}). */
	public static Socket connectWithQuery(int port, String query) {
		return new Socket(port, query);
	}

	/** Connects with {@code query} from a page at {@code origin} (its {@code Origin}). */
	public static Socket connectWithQueryAndOrigin(int port, String query, String origin) {
		return new Socket(port, query, origin);
	}

	public void send(String event, Map<String, ?> data) {
		sendRaw(Api.JSON.writeValueAsString(Map.of("event", event, "data", data)));
	}

	public void sendRaw(String text) {
		this.socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	public void sendBinary(byte[] bytes) {
		this.socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true)
			.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	/** The next frame; fails when none arrives in time. */
	public JsonNode next() {
		try {
			JsonNode frame = this.frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (frame == null) {
				fail("No frame arrived within " + WAIT);
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next frame, or {@code null} when none arrives within {@code duration}. */
	public JsonNode poll(Duration duration) {
		try {
			return this.frames.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Asserts the next frame is {@code event} and returns its data. */
	public JsonNode expect(String event) {
		JsonNode frame = next();
		assertThat(frame.get("event").stringValue()).as(frame.toString()).isEqualTo(event);
		return frame.get("data");
	}

	/** Asserts the next frame is an {@code ERROR} with this message. */
	public void expectError(String message) {
		JsonNode data = expect("ERROR");
		assertThat(data.get("message").stringValue()).isEqualTo(message);
	}

	/** Asserts nothing arrives for a while. */
	public void expectSilence(Duration duration) {
		try {
			JsonNode frame = this.frames.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(frame).as("unexpected frame").isNull();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits for the server to close the socket and returns the close code. */
	public int awaitClose() {
		return this.closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	public boolean isOpen() {
		return !this.socket.isInputClosed() && !this.closed.isDone();
	}

	/** Proves the socket still works: an unknown event is answered. */
	public void assertAlive() {
		sendRaw("{\"event\":\"PING_THAT_DOES_NOT_EXIST\",\"data\":{}}");
		expectError("Unknown event");
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				Socket.this.frames.add(Api.JSON.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			Socket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			Socket.this.closed.complete(-1);
		}

	}

}

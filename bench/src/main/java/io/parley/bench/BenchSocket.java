package io.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client socket (the JDK's WebSocket client). Sends are queued, since the JDK allows one outstanding
 * send per socket; frames go to a handler, except the one a caller is waiting for.
 */
final class BenchSocket implements WebSocket.Listener {

	private final Wire wire;

	private final Queue<String> outbox = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private volatile Consumer<String> handler = (frame) -> {
	};

	private volatile String awaitedEvent;

	private volatile CompletableFuture<String> awaited;

	private volatile WebSocket socket;

	private BenchSocket(Wire wire) {
		this.wire = wire;
	}

	/** Opens a socket; the future completes when the server is ready for events. */
	static CompletableFuture<BenchSocket> open(HttpClient http, URI base, Wire wire, String token) {
		BenchSocket client = new BenchSocket(wire);
		URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + wire.path(token));
		return http.newWebSocketBuilder()
			.buildAsync(uri, client)
			.thenCompose((socket) -> client.ready)
			.thenApply((ignored) -> client);
	}

	void onFrame(Consumer<String> handler) {
		this.handler = handler;
	}

	/** Sends an event and waits for the first frame naming {@code reply}. */
	CompletableFuture<String> request(String event, String dataJson, String reply) {
		CompletableFuture<String> answer = new CompletableFuture<>();
		this.awaitedEvent = "\"" + reply + "\"";
		this.awaited = answer;
		send(this.wire.encode(event, dataJson));
		return answer;
	}

	void sendEvent(String event, String dataJson) {
		send(this.wire.encode(event, dataJson));
	}

	void send(String text) {
		this.outbox.add(text);
		drain();
	}

	void abort() {
		WebSocket current = this.socket;
		if (current != null) {
			current.abort();
		}
	}

	private void drain() {
		while (!this.outbox.isEmpty() && this.sending.compareAndSet(false, true)) {
			String next = this.outbox.poll();
			if (next == null) {
				this.sending.set(false);
				continue;
			}
			this.socket.sendText(next, true).whenComplete((socket, error) -> {
				this.sending.set(false);
				drain();
			});
			return;
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		if (this.wire.readyOnOpen()) {
			this.ready.complete(null);
		}
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		String frame;
		if (last && this.partial.isEmpty()) {
			frame = data.toString();
		}
		else {
			this.partial.append(data);
			frame = last ? this.partial.toString() : null;
			if (last) {
				this.partial.setLength(0);
			}
		}
		webSocket.request(1);
		if (frame != null) {
			dispatch(frame);
		}
		return null;
	}

	private void dispatch(String frame) {
		String answer = this.wire.control(frame);
		if (answer != null) {
			send(answer);
			return;
		}
		if (!this.ready.isDone()) {
			if (this.wire.isReady(frame)) {
				this.ready.complete(null);
			}
			return;
		}
		CompletableFuture<String> waiting = this.awaited;
		if (waiting != null && frame.contains(this.awaitedEvent)) {
			this.awaited = null;
			waiting.complete(frame);
			return;
		}
		this.handler.accept(frame);
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.ready.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.ready.completeExceptionally(error);
	}

}

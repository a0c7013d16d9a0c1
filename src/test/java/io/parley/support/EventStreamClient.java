package io.parley.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real client of a {@code text/event-stream} (the JDK's HttpClient reading the body as
 * it comes), collecting the events it receives.
 */
public final class EventStreamClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<InputStream> response;

	private final Thread reader;

	private EventStreamClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "event-stream-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Opens {@code path} with these headers; fails unless it answers 200. */
	public static EventStreamClient open(int port, String path, Map<String, String> headers) {
		HttpResponse<InputStream> response = request(port, path, headers);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
		return new EventStreamClient(response);
	}

	/** The status and body of a request to {@code path} that is refused. */
	public static Refusal refused(int port, String path, Map<String, String> headers) {
		HttpResponse<InputStream> response = request(port, path, headers);
		try (InputStream body = response.body()) {
			return new Refusal(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<InputStream> request(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("accept", "text/event-stream")
			.GET();
		headers.forEach(request::header);
		try {
			return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
				.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
				.join();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not open " + path, ex);
		}
	}

	private void read() {
		String name = null;
		String id = null;
		StringBuilder data = new StringBuilder();
		try (InputStream body = this.response.body()) {
			BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
			String text;
			while ((text = lines.readLine()) != null) {
				if (text.isEmpty()) {
					if (name != null || data.length() > 0) {
						this.events.add(new Event(name, id, data.toString()));
					}
					name = null;
					id = null;
					data.setLength(0);
				}
				else if (text.startsWith("event:")) {
					name = text.substring(6).trim();
				}
				else if (text.startsWith("id:")) {
					id = text.substring(3).trim();
				}
				else if (text.startsWith("data:")) {
					data.append(text.substring(5));
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
		this.events.add(Event.END);
	}

	/** The next event; fails when none arrives in time. */
	public Event next() {
		try {
			Event event = this.events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (event == null) {
				fail("No event arrived within " + WAIT);
			}
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Asserts the next event is {@code name} and returns it. */
	public Event expect(String name) {
		Event event = next();
		assertThat(event.name()).as(event.toString()).isEqualTo(name);
		return event;
	}

	/** Asserts no event arrives for a while. */
	public void expectSilence(Duration duration) {
		try {
			Event event = this.events.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(event).as("unexpected event").isNull();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits until the server ends the stream. */
	public void awaitEnd() {
		while (next() != Event.END) {
			// skip what came before
		}
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// gone already
		}
		this.reader.interrupt();
	}

	/** One event: its name, its id ({@code null} without one) and its data. */
	public record Event(String name, String id, String data) {

		static final Event END = new Event("(end of stream)", null, "");

		public JsonNode json() {
			return Api.JSON.readTree(this.data);
		}

	}

	public record Refusal(int status, String body) {
	}

}

package io.parley.realtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.socket.CloseStatus;

/**
 * A widget visitor's server-sent event stream, the fallback where no WebSocket opens
 * (decision 67): the socket's frames as events, named by the frame's {@code event}, its
 * {@code data} as their data, a message's {@code sequence} as the event's {@code id}. A
 * bounded queue like the socket's {@link Outbox}, written out one event at a time on the
 * streams' own threads (a servlet response is written by blocking): nobody who queues
 * waits. A stream that falls behind, its queue full or no writer free, is ended, and the
 * client resumes from the last sequence it saw. The stream ends after
 * {@code CONVERSATION_CLOSED}.
 */
final class EventStream implements Transport {

	/** A comment line that keeps proxies from ending an idle stream. */
	static final String HEARTBEAT = new String("heartbeat");

	private static final String EVENT_PREFIX = "{\"event\":\"";

	private static final String DATA_PREFIX = "\",\"data\":";

	private static final String SEQUENCE = ",\"sequence\":";

	private static final String CLOSED = EVENT_PREFIX + "CONVERSATION_CLOSED\"";

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final SseEmitter emitter;

	private final EventStreams streams;

	private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();

	/** Live frames waiting: these count against the capacity. */
	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean fallenBehind = new AtomicBoolean();

	private final int capacity;

	private final Runnable onFallingBehind;

	private volatile boolean closed;

	EventStream(SseEmitter emitter, EventStreams streams, int capacity, Runnable onFallingBehind) {
		this.emitter = emitter;
		this.streams = streams;
		this.capacity = capacity;
		this.onFallingBehind = onFallingBehind;
	}

	@Override
	public void offer(String frame) {
		if (this.closed) {
			return;
		}
		if (this.size.incrementAndGet() > this.capacity) {
			this.size.decrementAndGet();
			fallBehind();
			return;
		}
		this.frames.add(new Frame(frame, true));
		writeSoon();
	}

	@Override
	public void offerCatchUp(String frame) {
		if (this.closed) {
			return;
		}
		this.frames.add(new Frame(frame, false));
		writeSoon();
	}

	@Override
	public void close() {
		this.closed = true;
		this.frames.clear();
	}

	@Override
	public void disconnect(CloseStatus status) {
		this.streams.end(this.emitter);
	}

	private void writeSoon() {
		if (this.writing.compareAndSet(false, true) && !this.streams.write(this::write)) {
			// every writer is busy with streams that do not read: this one waits no
			// longer than they do
			this.writing.set(false);
			fallBehind();
		}
	}

	/** On a writer thread: writes what waits, then lets the next offer start again. */
	private void write() {
		while (true) {
			Frame frame = this.frames.poll();
			if (frame == null) {
				this.writing.set(false);
				if (this.frames.isEmpty() || !this.writing.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			if (frame.live()) {
				this.size.decrementAndGet();
			}
			if (this.closed) {
				continue;
			}
			try {
				this.emitter.send(event(frame.payload()));
				if (frame.payload().startsWith(CLOSED)) {
					// a stream follows one conversation: nothing more will come
					close();
					this.streams.end(this.emitter);
				}
			}
			catch (IOException | RuntimeException ex) {
				// the client went away, or the stream ended
				this.writing.set(false);
				fallBehind();
				return;
			}
		}
	}

	private void fallBehind() {
		if (this.fallenBehind.compareAndSet(false, true)) {
			close();
			this.onFallingBehind.run();
		}
	}

	/**
	 * The event for a frame {@link Frames} wrote: {@code {"event":"NAME","data":DATA}},
	 * in that order, without white space.
	 */
	static SseEmitter.SseEventBuilder event(String frame) {
		if (frame == HEARTBEAT) {
			return SseEmitter.event().comment("");
		}
		int nameEnd = frame.indexOf('"', EVENT_PREFIX.length());
		String name = frame.substring(EVENT_PREFIX.length(), nameEnd);
		String data = frame.substring(nameEnd + DATA_PREFIX.length(), frame.length() - 1);
		SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data, TEXT);
		if (name.equals("NEW_MESSAGE")) {
			// a quote in a text is escaped, so this is the message's own field
			int at = data.indexOf(SEQUENCE);
			if (at >= 0) {
				int from = at + SEQUENCE.length();
				int to = from;
				while (to < data.length() && Character.isDigit(data.charAt(to))) {
					to++;
				}
				event.id(data.substring(from, to));
			}
		}
		return event;
	}

	private record Frame(String payload, boolean live) {
	}

}

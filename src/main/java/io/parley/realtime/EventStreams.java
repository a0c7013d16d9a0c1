package io.parley.realtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Makes the visitors' event streams and writes them on threads of their own: a blocking
 * write to a client that stopped reading holds one of these, never a room, a message
 * writer or a request. At most {@code MAX_WRITERS} streams are written at once; a stream
 * that finds none free is ended and resumes. Every open stream gets a comment line every
 * {@code HEARTBEAT} so that proxies keep it open and a dead client is noticed.
 */
@Component
class EventStreams implements DisposableBean {

	private static final int MAX_WRITERS = 64;

	private static final Duration HEARTBEAT = Duration.ofSeconds(25);

	private final int capacity;

	private final Duration timeout;

	private final ThreadPoolExecutor writers;

	private final ScheduledExecutorService heartbeats;

	private final Set<Connection> open = ConcurrentHashMap.newKeySet();

	private final Outboxes outboxes;

	/**
	 * @param outboxes counts the streams dropped for falling behind with the sockets
	 */
	EventStreams(@Value("${parley.ws.outbox-capacity}") int capacity,
			@Value("${parley.widget.events-timeout}") Duration timeout, Outboxes outboxes) {
		this.capacity = capacity;
		this.outboxes = outboxes;
		this.timeout = timeout;
		AtomicInteger threads = new AtomicInteger();
		this.writers = new ThreadPoolExecutor(0, MAX_WRITERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "parley-event-stream-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "parley-event-stream-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
				TimeUnit.SECONDS);
	}

	/** A new emitter, ended after {@code parley.widget.events-timeout}. */
	SseEmitter emitter() {
		return new SseEmitter(this.timeout.toMillis());
	}

	/** The transport of a connection over {@code emitter}. */
	EventStream open(Connection connection, SseEmitter emitter) {
		return new EventStream(emitter, this, this.capacity, () -> {
			this.outboxes.fellBehind();
			connection.close(Connection.FELL_BEHIND);
		});
	}

	void opened(Connection connection) {
		this.open.add(connection);
	}

	void closed(Connection connection) {
		this.open.remove(connection);
	}

	/** Runs a stream's writing; false when every writer is busy. */
	boolean write(Runnable writing) {
		try {
			this.writers.execute(writing);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Ends a stream off the caller's thread. */
	void end(SseEmitter emitter) {
		try {
			this.heartbeats.execute(emitter::complete);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the server ends every request itself
		}
	}

	private void beat() {
		for (Connection connection : this.open) {
			connection.sendHeartbeat();
		}
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.writers.shutdown();
	}

}

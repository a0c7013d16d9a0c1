package io.parley.realtime;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.websocket.Session;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Makes each socket's {@link Outbox} and closes sockets off the caller's thread: closing
 * writes a close frame, which a client that stopped reading would make anyone wait for.
 * Counts what waits to be sent and the sockets dropped for falling behind.
 */
@Component
class Outboxes implements DisposableBean {

	/** How long a close frame may take before the connection is simply dropped. */
	private static final long CLOSE_TIMEOUT_MILLIS = 1000;

	private final int capacity;

	private final long sendTimeoutMillis;

	private final AtomicLong queued = new AtomicLong();

	private final Counter fellBehind;

	private final ExecutorService closer;

	Outboxes(@Value("${parley.ws.outbox-capacity}") int capacity,
			@Value("${parley.ws.send-timeout}") Duration sendTimeout, MeterRegistry meters) {
		this.capacity = capacity;
		this.sendTimeoutMillis = sendTimeout.toMillis();
		Gauge.builder("parley.ws.outbox.queued", this.queued, AtomicLong::get)
			.description("Frames waiting to be sent to sockets")
			.register(meters);
		this.fellBehind = Counter.builder("parley.ws.dropped.behind")
			.description("Sockets closed because they fell behind")
			.register(meters);
		AtomicInteger threads = new AtomicInteger();
		this.closer = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), (task) -> {
			Thread thread = new Thread(task, "parley-socket-closer-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The outbox of a connection on a socket, which is closed when it falls behind. */
	Outbox open(Connection connection, WebSocketSession socket) {
		Session session = ((NativeWebSocketSession) socket).getNativeSession(Session.class);
		// a close frame to a client that stopped reading waits at most this long
		session.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", CLOSE_TIMEOUT_MILLIS);
		session.getAsyncRemote().setSendTimeout(this.sendTimeoutMillis);
		return new Outbox(session.getAsyncRemote(), socket, this.capacity, this,
				() -> connection.close(Connection.FELL_BEHIND));
	}

	/** Runs a close on the closer's threads. */
	void close(Runnable close) {
		try {
			this.closer.execute(close);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the server closes every socket itself
		}
	}

	void queued(int change) {
		this.queued.addAndGet(change);
	}

	void fellBehind() {
		this.fellBehind.increment();
	}

	@Override
	public void destroy() {
		this.closer.shutdown();
	}

}

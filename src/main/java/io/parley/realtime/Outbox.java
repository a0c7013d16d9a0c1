package io.parley.realtime;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * A socket's outbound frames: a bounded queue written out by the container's asynchronous
 * sends, one frame at a time. Whoever queues into an idle outbox (a writer thread, a
 * request thread, a room holding its lock) starts the first send, which never blocks: it
 * never waits for the client. (Starting it on a thread of its own cost a wake-up per
 * frame: p99 at 10,000 messages/s went from 197 ms to 1.8 s, see docs/benchmarks.md.) A
 * client that does not keep up, its queue full or a frame unsent within the send timeout,
 * has fallen behind: it is disconnected, and resumes from the last sequence it saw.
 */
final class Outbox implements Transport {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final RemoteEndpoint.Async remote;

	private final WebSocketSession session;

	private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();

	/** Live frames waiting: these count against the capacity. */
	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final AtomicBoolean fallenBehind = new AtomicBoolean();

	private final int capacity;

	private final Outboxes outboxes;

	private final Runnable onFallingBehind;

	private volatile boolean closed;

	Outbox(RemoteEndpoint.Async remote, WebSocketSession session, int capacity, Outboxes outboxes,
			Runnable onFallingBehind) {
		this.remote = remote;
		this.session = session;
		this.capacity = capacity;
		this.outboxes = outboxes;
		this.onFallingBehind = onFallingBehind;
	}

	/** Queues a frame; never blocks, never throws. */
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
		this.outboxes.queued(1);
		this.frames.add(new Frame(frame, true));
		sendNext();
	}

	/**
	 * Queues what a resuming client asked for, beyond the capacity: it is bounded by the
	 * conversation, and the send timeout still drops a client that does not read it.
	 */
	@Override
	public void offerCatchUp(String frame) {
		if (this.closed) {
			return;
		}
		this.outboxes.queued(1);
		this.frames.add(new Frame(frame, false));
		sendNext();
	}

	/** Closes the socket off the caller's thread (see {@link Outboxes}). */
	@Override
	public void disconnect(CloseStatus status) {
		this.outboxes.close(() -> {
			try {
				this.session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Could not close socket {}: {}", this.session.getId(), ex.getMessage());
			}
		});
	}

	/** Nothing more is sent; what still waits is dropped. */
	@Override
	public void close() {
		this.closed = true;
		Frame dropped;
		while ((dropped = this.frames.poll()) != null) {
			taken(dropped);
		}
	}

	private void sendNext() {
		while (!this.closed && this.sending.compareAndSet(false, true)) {
			Frame frame = this.frames.poll();
			if (frame == null) {
				this.sending.set(false);
				if (this.frames.isEmpty()) {
					return;
				}
				// a frame was queued between the poll and the release: send it
				continue;
			}
			taken(frame);
			try {
				this.remote.sendText(frame.payload(), this::sent);
			}
			catch (RuntimeException ex) {
				// the socket is closing, or cannot take the frame: it is not left open
				// and silent
				this.sending.set(false);
				if (this.closed) {
					close();
				}
				else {
					fallBehind();
				}
			}
			return;
		}
	}

	private void taken(Frame frame) {
		if (frame.live()) {
			this.size.decrementAndGet();
		}
		this.outboxes.queued(-1);
	}

	/** Called by the container on one of its threads, never inside {@link #sendNext}. */
	private void sent(SendResult result) {
		this.sending.set(false);
		if (!result.isOK()) {
			if (!this.closed) {
				fallBehind();
			}
			return;
		}
		sendNext();
	}

	private void fallBehind() {
		if (this.fallenBehind.compareAndSet(false, true)) {
			close();
			this.outboxes.fellBehind();
			this.onFallingBehind.run();
		}
	}

	private record Frame(String payload, boolean live) {
	}

}

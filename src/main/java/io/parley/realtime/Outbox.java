package io.parley.realtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;

/**
 * A socket's outbound frames: a bounded queue written out by the container's asynchronous
 * sends, one frame at a time, started on a sender thread, so whoever sends (a writer
 * thread, a request thread, a room holding its lock) only queues and never waits for the
 * client. A client that does not keep up, its queue full or a frame unsent within the
 * send timeout, has fallen behind: it is disconnected, and resumes from the last sequence
 * it saw.
 */
final class Outbox {

	private final RemoteEndpoint.Async remote;

	private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();

	/** Live frames waiting: these count against the capacity. */
	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean sending = new AtomicBoolean();

	private final AtomicBoolean fallenBehind = new AtomicBoolean();

	private final int capacity;

	private final Outboxes outboxes;

	private final Runnable onFallingBehind;

	private volatile boolean closed;

	Outbox(RemoteEndpoint.Async remote, int capacity, Outboxes outboxes, Runnable onFallingBehind) {
		this.remote = remote;
		this.capacity = capacity;
		this.outboxes = outboxes;
		this.onFallingBehind = onFallingBehind;
	}

	/** Queues a frame; never blocks, never throws. */
	void offer(String frame) {
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
		startSending();
	}

	/**
	 * Queues what a resuming client asked for, beyond the capacity: it is bounded by the
	 * conversation, and the send timeout still drops a client that does not read it.
	 */
	void offerCatchUp(String frame) {
		if (this.closed) {
			return;
		}
		this.outboxes.queued(1);
		this.frames.add(new Frame(frame, false));
		startSending();
	}

	/** Runs a close of the socket off the caller's thread (see {@link Outboxes}). */
	void closeSocket(Runnable close) {
		this.outboxes.close(close);
	}

	/** Nothing more is sent; what still waits is dropped. */
	void close() {
		this.closed = true;
		Frame dropped;
		while ((dropped = this.frames.poll()) != null) {
			taken(dropped);
		}
	}

	/**
	 * Takes the right to send, if nobody holds it, and starts on a sender thread: the
	 * thread that queued (a writer, a room holding its lock) does not even start a write.
	 */
	private void startSending() {
		if (this.sending.compareAndSet(false, true) && !this.outboxes.send(this::sendNext)) {
			this.sending.set(false);
		}
	}

	/**
	 * Starts the asynchronous write of the next frame; runs holding the right to send,
	 * and gives it up when nothing waits.
	 */
	private void sendNext() {
		while (true) {
			Frame frame = this.frames.poll();
			if (frame == null) {
				this.sending.set(false);
				// a frame queued between the poll and the release is sent by whoever wins
				if (this.frames.isEmpty() || !this.sending.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			taken(frame);
			if (this.closed) {
				continue;
			}
			try {
				this.remote.sendText(frame.payload(), this::sent);
			}
			catch (RuntimeException ex) {
				// the socket is closing or closed
				this.sending.set(false);
				close();
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

	/**
	 * Called by the container on one of its threads, never inside {@link #sendNext}: the
	 * right to send passes on to the next frame.
	 */
	private void sent(SendResult result) {
		if (!result.isOK()) {
			this.sending.set(false);
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

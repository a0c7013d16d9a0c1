package io.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.netty.channel.EventLoop;

/**
 * Sends the messages of the rooms whose sending socket lives on one event loop, on that
 * loop, each with its due time. It runs as a timer task of the loop: whatever is due by
 * then is sent in one go, then it sets its timer for the next message, but never sooner
 * than {@code tick} from now. Waking a thread is what costs a generator most (measured:
 * half its CPU was context switches when a second thread woke the loop for each message),
 * so the loop wakes at most once per tick, and not at all while reading keeps it busy. A
 * late run delays messages without dropping them: the load stays open loop.
 */
final class Pacer implements Runnable {

	private final EventLoop loop;

	private final long tick;

	private final List<LongConsumer> rooms = new ArrayList<>();

	// the fields below are only touched on the loop

	private long first;

	private double period;

	private long measureStart;

	private long end;

	private long index;

	private long measured;

	private CompletableFuture<Long> finished = CompletableFuture.completedFuture(0L);

	Pacer(EventLoop loop, long tickNanos) {
		this.loop = loop;
		this.tick = tickNanos;
	}

	/** A room: {@code send} is given each due time and sends one message. */
	void add(LongConsumer send) {
		this.rooms.add(send);
	}

	/**
	 * Starts a schedule: message {@code i} of this pacer is due at
	 * {@code first + i * period}.
	 * @return completes with how many messages were due in the measured interval, once
	 * all were sent
	 */
	CompletableFuture<Long> begin(long first, double period, long measureStart, long end) {
		CompletableFuture<Long> done = new CompletableFuture<>();
		this.loop.execute(() -> {
			this.first = first;
			this.period = period;
			this.measureStart = measureStart;
			this.end = end;
			this.index = 0;
			this.measured = 0;
			this.finished = done;
			this.loop.schedule(this, first - System.nanoTime(), TimeUnit.NANOSECONDS);
		});
		return done;
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		long i = this.index;
		long due;
		while ((due = this.first + (long) (i * this.period)) <= now && due < this.end) {
			this.rooms.get((int) (i % this.rooms.size())).accept(due);
			if (due >= this.measureStart) {
				this.measured++;
			}
			i++;
		}
		this.index = i;
		if (due >= this.end) {
			this.finished.complete(this.measured);
			return;
		}
		this.loop.schedule(this, Math.max(due, now + this.tick) - System.nanoTime(), TimeUnit.NANOSECONDS);
	}

}

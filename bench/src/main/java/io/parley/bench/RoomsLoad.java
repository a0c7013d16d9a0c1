package io.parley.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Rooms with a sending and a receiving socket each, driven at a fixed offered rate: every message carries
 * its due time, and its latency runs from then to its arrival at the other member of the room.
 */
final class RoomsLoad implements AutoCloseable {

	private static final String MARK = "\"content\":\"b|";

	private static final int CONTENT_LENGTH = 100;

	private final List<Room> rooms;

	private final List<BenchSocket> senders = new ArrayList<>();

	private final List<BenchSocket> receivers = new ArrayList<>();

	private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

	private final AtomicLong received = new AtomicLong();

	/** Frames that repeated a message or came before an earlier one: never counted as delivered. */
	private final AtomicLong repeated = new AtomicLong();

	/** Only touched by the scheduling thread. */
	private long sends;

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MIN_VALUE;

	private RoomsLoad(List<Room> rooms) {
		this.rooms = rooms;
	}

	static RoomsLoad connect(Clients clients, URI base, Wire wire, List<Room> rooms) {
		RoomsLoad load = new RoomsLoad(rooms);
		List<CompletableFuture<?>> joins = new ArrayList<>();
		for (Room room : rooms) {
			BenchSocket sender = openPatiently(clients, base, wire, room.senderToken());
			BenchSocket receiver = openPatiently(clients, base, wire, room.receiverToken());
			Arrivals arrivals = new Arrivals();
			receiver.onFrame((frame) -> load.onFrame(frame, arrivals));
			String join = "{\"conversationId\":\"" + room.conversationId() + "\"}";
			joins.add(sender.request("JOIN_CONVERSATION", join, "JOINED_CONVERSATION"));
			joins.add(receiver.request("JOIN_CONVERSATION", join, "JOINED_CONVERSATION"));
			load.senders.add(sender);
			load.receivers.add(receiver);
		}
		CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
		return load;
	}

	/**
	 * Opens a socket, trying again after a failed handshake: right after thousands of sockets closed at
	 * once, a few of Tomcat's handshake answers carry {@code Connection: upgrade, close}, which browsers
	 * accept and the JDK's client refuses.
	 */
	private static BenchSocket openPatiently(Clients clients, URI base, Wire wire, String token) {
		for (int attempt = 1;; attempt++) {
			try {
				return BenchSocket.open(clients.next(), base, wire, token).join();
			}
			catch (RuntimeException ex) {
				if (attempt == 5) {
					throw ex;
				}
				Pause.millis(200L * attempt);
			}
		}
	}

	/** Offers {@code perSecond} messages a second across all rooms, then waits for stragglers. */
	Result run(String scenario, String server, int perSecond, Duration warmup, Duration measure, CpuMeter cpu) {
		Schedule schedule = Schedule.of(warmup, measure);
		this.latencies.reset();
		this.received.set(0);
		this.repeated.set(0);
		this.windowStart = schedule.measureStart();
		this.windowEnd = schedule.end();
		Schedule.Run run = schedule.run(perSecond, cpu, this::send);
		Schedule.drain(() -> this.received.get() < run.sent(), Duration.ofSeconds(5));
		if (this.repeated.get() > 0) {
			System.out.printf("%s: %d messages repeated or out of order at %d/s%n", server, this.repeated.get(),
					perSecond);
		}
		double seconds = schedule.measuredSeconds();
		return Result.rate(scenario, server, run.sent() / seconds, this.received.get() / seconds,
				latency(this.latencies.getIntervalHistogram()), run.cpu());
	}

	private void send(long due) {
		int index = (int) (this.sends++ % this.rooms.size());
		Room room = this.rooms.get(index);
		this.senders.get(index)
			.sendEvent("SEND_MESSAGE",
					"{\"conversationId\":\"" + room.conversationId() + "\",\"content\":\"" + content(due) + "\"}");
	}

	static String content(long due) {
		StringBuilder content = new StringBuilder(CONTENT_LENGTH).append("b|").append(due).append('|');
		while (content.length() < CONTENT_LENGTH) {
			content.append('x');
		}
		return content.toString();
	}

	private void onFrame(String frame, Arrivals arrivals) {
		long now = System.nanoTime();
		int at = frame.indexOf(MARK);
		if (at < 0) {
			return;
		}
		int from = at + MARK.length();
		long due = Long.parseLong(frame, from, frame.indexOf('|', from), 10);
		// a room has one sender, so its due times rise: one not above the last is a repeat
		if (due <= arrivals.lastDue) {
			this.repeated.incrementAndGet();
			return;
		}
		arrivals.lastDue = due;
		if (due >= this.windowStart && due < this.windowEnd) {
			this.latencies.recordValue(Math.max(0, (now - due) / 1000));
			this.received.incrementAndGet();
		}
	}

	static Result.Latency latency(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return new Result.Latency(-1, -1, -1);
		}
		return new Result.Latency(micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
				micros.getValueAtPercentile(99.9) / 1000.0);
	}

	/** What one receiver has seen; its frames arrive one at a time. */
	private static final class Arrivals {

		private volatile long lastDue = Long.MIN_VALUE;

	}

	@Override
	public void close() {
		this.senders.forEach(BenchSocket::abort);
		this.receivers.forEach(BenchSocket::abort);
	}


}

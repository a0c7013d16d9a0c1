package io.parley.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Rooms with a sending and a receiving socket each, driven at a fixed offered rate: every
 * message carries its due time, and its latency runs from then to its arrival at the
 * other member of the room.
 */
final class RoomsLoad implements AutoCloseable {

	private static final byte[] MARK = "\"content\":\"b|".getBytes(StandardCharsets.US_ASCII);

	private static final String SLOT = "#".repeat(PreparedFrame.DIGITS);

	private static final int CONTENT_LENGTH = 100;

	private final List<BenchSocket> senders = new ArrayList<>();

	private final List<BenchSocket> receivers = new ArrayList<>();

	private final Map<EventLoop, Pacer> pacers = new LinkedHashMap<>();

	private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

	private final AtomicLong received = new AtomicLong();

	/** Frames that repeated a message or came before an earlier one: never counted as delivered. */
	private final AtomicLong repeated = new AtomicLong();

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MIN_VALUE;

	private RoomsLoad() {
	}

	static RoomsLoad connect(Sockets sockets, URI base, Wire wire, List<Room> rooms) {
		RoomsLoad load = new RoomsLoad();
		List<CompletableFuture<?>> joins = new ArrayList<>();
		for (Room room : rooms) {
			BenchSocket sender = openPatiently(sockets, base, wire, room.senderToken());
			BenchSocket receiver = openPatiently(sockets, base, wire, room.receiverToken());
			Arrivals arrivals = new Arrivals();
			receiver.onFrame((frame) -> load.onFrame(frame, arrivals));
			String join = "{\"conversationId\":\"" + room.conversationId() + "\"}";
			joins.add(sender.request("JOIN_CONVERSATION", join, "JOINED_CONVERSATION"));
			joins.add(receiver.request("JOIN_CONVERSATION", join, "JOINED_CONVERSATION"));
			load.senders.add(sender);
			load.receivers.add(receiver);
			PreparedFrame frame = PreparedFrame.of(
					wire.encode("SEND_MESSAGE",
							"{\"conversationId\":\"" + room.conversationId() + "\",\"content\":\"" + content() + "\"}"),
					SLOT);
			load.pacers.computeIfAbsent(sender.eventLoop(), (loop) -> new Pacer(loop, sockets.tickNanos()))
				.add((due) -> sender.sendEncoded(frame.encode(ByteBufAllocator.DEFAULT, due)));
		}
		CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
		return load;
	}

	/**
	 * Opens a socket, trying again after a failed handshake: right after thousands of
	 * sockets closed at once, a server may refuse a few handshakes.
	 */
	private static BenchSocket openPatiently(Sockets sockets, URI base, Wire wire, String token) {
		for (int attempt = 1;; attempt++) {
			try {
				return BenchSocket.open(sockets, base, wire, token).join();
			}
			catch (RuntimeException ex) {
				if (attempt == 5) {
					throw ex;
				}
				Pause.millis(200L * attempt);
			}
		}
	}

	/**
	 * Offers {@code perSecond} messages a second across all rooms, then waits for
	 * stragglers.
	 */
	Result run(String scenario, String server, int perSecond, Duration warmup, Duration measure, CpuMeter cpu) {
		Schedule schedule = Schedule.of(warmup, measure);
		this.latencies.reset();
		this.received.set(0);
		this.repeated.set(0);
		this.windowStart = schedule.measureStart();
		this.windowEnd = schedule.end();
		Schedule.Run run = schedule.pace(perSecond, cpu, List.copyOf(this.pacers.values()));
		Schedule.drain(() -> this.received.get() < run.sent(), Duration.ofSeconds(5));
		if (this.repeated.get() > 0) {
			System.out.printf("%s: %d messages repeated or out of order at %d/s%n", server, this.repeated.get(),
					perSecond);
		}
		double seconds = schedule.measuredSeconds();
		return Result.rate(scenario, server, run.sent() / seconds, this.received.get() / seconds,
				latency(this.latencies.getIntervalHistogram()), run.cpu());
	}

	/**
	 * A message's content: its due time goes into the slot, then {@code x} up to 100
	 * characters.
	 */
	static String content() {
		StringBuilder content = new StringBuilder(CONTENT_LENGTH).append("b|").append(SLOT).append('|');
		while (content.length() < CONTENT_LENGTH) {
			content.append('x');
		}
		return content.toString();
	}

	/** Runs on a receiver's event loop for each event frame. */
	private void onFrame(ByteBuf text, Arrivals arrivals) {
		long now = System.nanoTime();
		int at = indexOf(text, MARK);
		if (at < 0) {
			return;
		}
		long due = PreparedFrame.due(text, at + MARK.length);
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

	/** Where {@code needle} starts in {@code text} with the digits after it, or -1. */
	private static int indexOf(ByteBuf text, byte[] needle) {
		int last = text.writerIndex() - needle.length - PreparedFrame.DIGITS;
		int i = text.readerIndex();
		while (i <= last && (i = text.indexOf(i, last + 1, needle[0])) >= 0) {
			if (matches(text, i, needle)) {
				return i;
			}
			i++;
		}
		return -1;
	}

	private static boolean matches(ByteBuf text, int at, byte[] needle) {
		for (int j = 1; j < needle.length; j++) {
			if (text.getByte(at + j) != needle[j]) {
				return false;
			}
		}
		return true;
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

package io.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * Open-loop requests at a fixed rate against one REST route.
 */
final class RestLoad {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final HttpRequest request;

	private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	RestLoad(URI uri, String token) {
		this.request = HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
	}

	Result run(String server, int perSecond, Duration warmup, Duration measure, CpuMeter cpu) {
		Pause.collectGarbage();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long measureStart = start + warmup.toNanos();
		long end = measureStart + measure.toNanos();
		this.latencies.reset();
		this.answered.set(0);
		this.failed.set(0);
		Thread meter = new Thread(() -> {
			Pause.until(measureStart);
			cpu.start();
		});
		meter.start();
		long sent = Schedule.run(start, end, measureStart, perSecond, (due) -> send(due, due >= measureStart));
		try {
			meter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Result.Cpu used = cpu.stop();
		long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.answered.get() + this.failed.get() < sent && System.nanoTime() < drainUntil) {
			Pause.millis(20);
		}
		if (this.failed.get() > 0) {
			System.out.printf("%s: %d requests failed at %d/s%n", server, this.failed.get(), perSecond);
		}
		double seconds = measure.toNanos() / 1e9;
		return Result.rate("rest", server, sent / seconds, this.answered.get() / seconds,
				RoomsLoad.latency(this.latencies.getIntervalHistogram()), used);
	}

	private void send(long due, boolean measured) {
		this.http.sendAsync(this.request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			if (!measured) {
				return;
			}
			if (error != null || response.statusCode() != 200) {
				this.failed.incrementAndGet();
				return;
			}
			this.latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
			this.answered.incrementAndGet();
		});
	}

}

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
		Schedule schedule = Schedule.of(warmup, measure);
		this.latencies.reset();
		this.answered.set(0);
		this.failed.set(0);
		Schedule.Run run = schedule.run(perSecond, cpu, (due) -> send(due, due >= schedule.measureStart()));
		Schedule.drain(() -> this.answered.get() + this.failed.get() < run.sent(), Duration.ofSeconds(10));
		if (this.failed.get() > 0) {
			System.out.printf("%s: %d requests failed at %d/s%n", server, this.failed.get(), perSecond);
		}
		double seconds = schedule.measuredSeconds();
		return Result.rate("rest", server, run.sent() / seconds, this.answered.get() / seconds,
				RoomsLoad.latency(this.latencies.getIntervalHistogram()), run.cpu());
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

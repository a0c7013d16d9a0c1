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
 * Open-loop requests at a fixed rate against one REST route; a request counts as answered
 * when it gets the route's success status.
 */
final class RestLoad {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** What {@code rest-send} posts: 100 characters, like the messages of the rooms. */
	static final String CONTENT = "r|" + "x".repeat(98);

	private final String scenario;

	private final HttpRequest request;

	private final int success;

	private final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private RestLoad(String scenario, HttpRequest request, int success) {
		this.scenario = scenario;
		this.request = request;
		this.success = success;
	}

	/** Scenario {@code rest}: reads a resource, answered 200. */
	static RestLoad get(URI uri, String token) {
		return new RestLoad("rest", authorized(uri, token).GET().build(), 200);
	}

	/** Scenario {@code rest-send}: posts the same JSON body every time, answered 201. */
	static RestLoad post(URI uri, String token, String json) {
		return new RestLoad("rest-send",
				authorized(uri, token).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(),
				201);
	}

	private static HttpRequest.Builder authorized(URI uri, String token) {
		return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
	}

	Result run(String server, int perSecond, Duration warmup, Duration measure, CpuMeter cpu) {
		Schedule schedule = Schedule.of(warmup, measure);
		this.latencies.reset();
		this.answered.set(0);
		this.failed.set(0);
		Schedule.Run run = schedule.run(perSecond, cpu, (due) -> send(due, due >= schedule.measureStart()));
		Schedule.drain(() -> this.answered.get() + this.failed.get() < run.sent(), Duration.ofSeconds(10));
		if (this.failed.get() > 0) {
			System.out.printf("%s: %d %s requests failed at %d/s%n", server, this.failed.get(), this.scenario,
					perSecond);
		}
		double seconds = schedule.measuredSeconds();
		return Result.rate(this.scenario, server, run.sent() / seconds, this.answered.get() / seconds,
				RoomsLoad.latency(this.latencies.getIntervalHistogram()), run.cpu());
	}

	private void send(long due, boolean measured) {
		this.http.sendAsync(this.request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			if (!measured) {
				return;
			}
			if (error != null || response.statusCode() != this.success) {
				this.failed.incrementAndGet();
				return;
			}
			this.latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
			this.answered.incrementAndGet();
		});
	}

}

package io.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * An open-loop schedule: the i-th action is due at {@code start + i * period}, whether or
 * not the server kept up with the ones before. Latency is measured from the due time, so
 * queueing in a slow server cannot hide. A warm-up precedes the measured interval.
 *
 * @param start when the first action is due, from {@link System#nanoTime()}
 * @param measureStart when the measured interval begins
 * @param end when the schedule ends
 */
record Schedule(long start, long measureStart, long end) {

	/** A schedule starting in a moment, after the generator collected its garbage. */
	static Schedule of(Duration warmup, Duration measure) {
		Pause.collectGarbage();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		return new Schedule(start, start + warmup.toNanos(), start + warmup.toNanos() + measure.toNanos());
	}

	double measuredSeconds() {
		return (this.end - this.measureStart) / 1e9;
	}

	/**
	 * Runs {@code action} with each due time at {@code perSecond}, measuring CPU over the
	 * measured interval.
	 */
	Run run(int perSecond, CpuMeter cpu, LongConsumer action) {
		Thread meter = new Thread(() -> {
			Pause.until(this.measureStart);
			cpu.start();
		});
		meter.start();
		double period = 1e9 / perSecond;
		long measured = 0;
		for (long i = 0;; i++) {
			long due = this.start + (long) (i * period);
			if (due >= this.end) {
				break;
			}
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			action.accept(due);
			if (due >= this.measureStart) {
				measured++;
			}
		}
		try {
			meter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new Run(measured, cpu.stop());
	}

	/**
	 * Runs {@code perSecond} messages a second through the pacers, split evenly,
	 * measuring CPU over the measured interval. The pacers keep time on their own loops;
	 * this thread only waits for them.
	 */
	Run pace(int perSecond, CpuMeter cpu, List<Pacer> pacers) {
		Thread meter = new Thread(() -> {
			Pause.until(this.measureStart);
			cpu.start();
		});
		meter.start();
		double period = 1e9 / perSecond;
		int count = pacers.size();
		List<CompletableFuture<Long>> done = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			done.add(
					pacers.get(k).begin(this.start + (long) (k * period), period * count, this.measureStart, this.end));
		}
		long measured = 0;
		for (CompletableFuture<Long> pacer : done) {
			long limit = this.end - System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
			measured += pacer.orTimeout(limit, TimeUnit.NANOSECONDS).join();
		}
		try {
			meter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new Run(measured, cpu.stop());
	}

	/**
	 * Waits while {@code pending} holds, at most {@code limit}: the answers still on
	 * their way.
	 */
	static void drain(BooleanSupplier pending, Duration limit) {
		long until = System.nanoTime() + limit.toNanos();
		while (pending.getAsBoolean() && System.nanoTime() < until) {
			Pause.millis(20);
		}
	}

	/**
	 * @param sent how many actions were due in the measured interval
	 * @param cpu CPU use over the measured interval
	 */
	record Run(long sent, Result.Cpu cpu) {
	}

}

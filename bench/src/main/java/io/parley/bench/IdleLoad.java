package io.parley.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many idle sockets: how fast the server accepts them, and what each one costs it
 * in memory.
 */
final class IdleLoad {

	private static final int HANDSHAKES_IN_FLIGHT = 200;

	private IdleLoad() {
	}

	/**
	 * @param hold how long to keep the sockets open after measuring, for a look at the
	 * server (a heap histogram, a profile)
	 */
	static Result run(String server, Sockets clients, URI base, Wire wire, String token, int sockets,
			ProcessStats stats, Duration hold) {
		long rssBefore = stats.rssKib();
		long heapBefore = stats.heapAfterGcKib();
		CpuMeter cpu = new CpuMeter(stats);
		List<BenchSocket> open = new ArrayList<>(sockets);
		AtomicInteger failed = new AtomicInteger();
		Semaphore inFlight = new Semaphore(HANDSHAKES_IN_FLIGHT);
		List<CompletableFuture<?>> handshakes = new ArrayList<>(sockets);
		cpu.start();
		long start = System.nanoTime();
		for (int i = 0; i < sockets; i++) {
			inFlight.acquireUninterruptibly();
			handshakes.add(BenchSocket.open(clients, base, wire, token).whenComplete((socket, error) -> {
				inFlight.release();
				if (error != null) {
					failed.incrementAndGet();
				}
				else {
					synchronized (open) {
						open.add(socket);
					}
				}
			}));
		}
		CompletableFuture.allOf(handshakes.toArray(CompletableFuture[]::new))
			.orTimeout(5, TimeUnit.MINUTES)
			.exceptionally((error) -> null)
			.join();
		double seconds = (System.nanoTime() - start) / 1e9;
		Result.Cpu used = cpu.stop();
		Pause.millis(2000);
		long rssAfter = stats.rssKib();
		long heapAfter = stats.heapAfterGcKib();
		int connected = open.size();
		Pause.millis(hold.toMillis());
		open.forEach(BenchSocket::abort);
		Pause.millis(5000); // let the server finish closing before the next scenario
		if (failed.get() > 0) {
			System.out.printf("%s: %d of %d idle sockets failed to open%n", server, failed.get(), sockets);
		}
		double rssPer = (rssBefore > 0) ? (rssAfter - rssBefore) / (double) connected : -1;
		double heapPer = (heapBefore >= 0 && heapAfter >= 0) ? (heapAfter - heapBefore) / (double) connected : -1;
		return new Result("idle", server, connected, connected / seconds, -1, -1, -1, rssPer, heapPer, used.server(),
				used.generator());
	}

}

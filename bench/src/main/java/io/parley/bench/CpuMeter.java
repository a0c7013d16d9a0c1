package io.parley.bench;

/**
 * Measures the CPU the server and the generator use between {@link #start()} and {@link #stop()}.
 */
final class CpuMeter {

	private final ProcessStats server;

	private final ProcessStats generator = ProcessStats.self();

	private double serverStart;

	private double generatorStart;

	private long startNanos;

	CpuMeter(ProcessStats server) {
		this.server = server;
	}

	void start() {
		this.serverStart = this.server.cpuSeconds();
		this.generatorStart = this.generator.cpuSeconds();
		this.startNanos = System.nanoTime();
	}

	Result.Cpu stop() {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		double server = this.server.exists() ? 100 * (this.server.cpuSeconds() - this.serverStart) / seconds : -1;
		return new Result.Cpu(server, 100 * (this.generator.cpuSeconds() - this.generatorStart) / seconds);
	}

}

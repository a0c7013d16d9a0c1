package io.parley.bench;

/**
 * One measured line of a benchmark run; fields that do not apply to a scenario are -1.
 *
 * @param scenario {@code idle}, {@code rooms}, {@code max} or {@code rest}
 * @param server the label of the server under test
 * @param offered messages or requests per second offered (idle: sockets opened)
 * @param delivered per second delivered or answered in time (idle: handshakes per second)
 * @param serverCpu CPU of the server process, in percent of one core
 * @param generatorCpu CPU of the load generator, in percent of one core
 */
record Result(String scenario, String server, double offered, double delivered, double p50Millis, double p99Millis,
		double p999Millis, double rssPerConnectionKib, double heapPerConnectionKib, double serverCpu,
		double generatorCpu) {

	static Result rate(String scenario, String server, double offered, double delivered, Latency latency,
			Cpu cpu) {
		return new Result(scenario, server, offered, delivered, latency.p50(), latency.p99(), latency.p999(), -1, -1,
				cpu.server(), cpu.generator());
	}

	/** Latency percentiles in milliseconds. */
	record Latency(double p50, double p99, double p999) {
	}

	/** CPU use over a measured interval, in percent of one core. */
	record Cpu(double server, double generator) {
	}

}

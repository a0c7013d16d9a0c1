package io.parley.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generator's command line: {@code --name=value} pairs, see {@code bench/README.md}.
 */
record Options(String target, String label, String url, long serverPid, String jcmd, Set<String> scenarios,
		int idleSockets, int rooms, int agents, List<Integer> rates, Duration warmup, Duration measure,
		List<Integer> maxRates, Duration stepWarmup, Duration stepMeasure, List<Integer> restRates, String out,
		int setupParallelism, Duration hold, int ioThreads, int tickMicros) {

	static Options parse(String... args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value, got " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		String target = values.getOrDefault("target", "parley");
		return new Options(target, values.getOrDefault("label", target),
				values.getOrDefault("url", "http://127.0.0.1:8080"),
				Long.parseLong(values.getOrDefault("server-pid", "0")), values.get("jcmd"),
				Set.of(values.getOrDefault("scenarios", "idle,rooms,max,rest").split(",")),
				integer(values, "idle-sockets", 18000), integer(values, "rooms", 1000), integer(values, "agents", 20),
				integers(values, "rates", "1000,2000,5000,10000"), seconds(values, "warmup", 10),
				seconds(values, "measure", 30),
				integers(values, "max-rates", "2000,5000,10000,15000,20000,30000,40000"),
				seconds(values, "step-warmup", 5), seconds(values, "step-measure", 15),
				integers(values, "rest-rates", "500,1000,2000,4000,8000,16000"),
				values.getOrDefault("out", "bench-results.jsonl"), integer(values, "setup-parallelism", 4),
				seconds(values, "hold", 0), integer(values, "io-threads", 1), integer(values, "tick-micros", 100));
	}

	Wire wire() {
		return "socketio".equals(this.target) ? Wire.SOCKET_IO : Wire.PLAIN;
	}

	boolean isParley() {
		return "parley".equals(this.target);
	}

	private static int integer(Map<String, String> values, String name, int fallback) {
		return Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
	}

	private static List<Integer> integers(Map<String, String> values, String name, String fallback) {
		return Arrays.stream(values.getOrDefault(name, fallback).split(",")).map(Integer::valueOf).toList();
	}

	private static Duration seconds(Map<String, String> values, String name, int fallback) {
		return Duration
			.ofMillis((long) (1000 * Double.parseDouble(values.getOrDefault(name, String.valueOf(fallback)))));
	}

}

package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the results of a run ({@code bench-results.jsonl}) as Markdown tables, one per scenario.
 */
public final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Report() {
	}

	public static void main(String[] args) throws IOException {
		List<Result> results = Files.readAllLines(Path.of(args[0]))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> JSON.readValue(line, Result.class))
			.toList();
		System.out.print(render(results));
	}

	static String render(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append("\n### 1. Idle sockets\n\n")
			.append("| server | sockets | handshakes/s | RSS/socket (KiB) | heap/socket (KiB) | server CPU | generator CPU |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|\n");
		of(results, "idle").forEach((r) -> out.append(row(r.server(), r.offered(), r.delivered(),
				r.rssPerConnectionKib(), r.heapPerConnectionKib(), r.serverCpu(), r.generatorCpu())));
		out.append("\n### 2. 1:1 rooms, 100-byte messages\n\n")
			.append("| server | offered/s | delivered/s | p50 ms | p99 ms | p99.9 ms | server CPU | generator CPU |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		of(results, "rooms").stream()
			.sorted(Comparator.comparingDouble(Result::offered))
			.forEach((r) -> out.append(row(r.server(), r.offered(), r.delivered(), r.p50Millis(), r.p99Millis(),
					r.p999Millis(), r.serverCpu(), r.generatorCpu())));
		out.append("\n### 3. Maximum sustained rate (p99 ≤ 100 ms, ≥ 95 % delivered)\n\n")
			.append("| server | sustained msg/s | p99 ms there | first failing step: offered/s, delivered/s, p99 ms |\n")
			.append("|---|---:|---:|---|\n");
		appendLimits(out, of(results, "max"), 100);
		out.append("\n### 4. REST: `GET /conversations/{id}` (20 messages), highest rate with p99 < 50 ms\n\n")
			.append("| server | sustained req/s | p99 ms there | first failing step: offered/s, answered/s, p99 ms |\n")
			.append("|---|---:|---:|---|\n");
		appendLimits(out, of(results, "rest"), 50);
		return out.toString();
	}

	private static void appendLimits(StringBuilder out, List<Result> steps, double p99Limit) {
		Map<String, List<Result>> byServer = new LinkedHashMap<>();
		steps.forEach((r) -> byServer.computeIfAbsent(r.server(), (k) -> new ArrayList<>()).add(r));
		byServer.forEach((server, list) -> {
			Optional<Result> best = list.stream()
				.filter((r) -> passes(r, p99Limit))
				.max(Comparator.comparingDouble(Result::offered));
			String failing = list.stream()
				.filter((r) -> !passes(r, p99Limit))
				.findFirst()
				.map((r) -> format(r.offered()) + ", " + format(r.delivered()) + ", " + format(r.p99Millis()))
				.orElse("none (highest step passed)");
			out.append("| ")
				.append(server)
				.append(" | ")
				.append(best.map((r) -> format(r.offered())).orElse("below first step"))
				.append(" | ")
				.append(best.map((r) -> format(r.p99Millis())).orElse("-"))
				.append(" | ")
				.append(failing)
				.append(" |\n");
		});
	}

	private static boolean passes(Result r, double p99Limit) {
		return r.p99Millis() >= 0 && r.p99Millis() <= p99Limit && r.delivered() >= 0.95 * r.offered();
	}

	private static List<Result> of(List<Result> results, String scenario) {
		return results.stream().filter((r) -> r.scenario().equals(scenario)).toList();
	}

	private static String row(String server, double... values) {
		StringBuilder row = new StringBuilder("| ").append(server);
		for (double value : values) {
			row.append(" | ").append(format(value));
		}
		return row.append(" |\n").toString();
	}

	private static String format(double value) {
		if (value < 0) {
			return "-";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}

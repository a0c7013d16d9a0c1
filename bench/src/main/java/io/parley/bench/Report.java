package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the results of a run ({@code bench-results.jsonl}) as Markdown tables, one per
 * scenario.
 */
public final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The labels {@code bench/run} gives the peers: Parley's rates are also shown as
	 * multiples of theirs.
	 */
	static final String WS_PEER = "node-ws";

	static final String SOCKET_IO_PEER = "socketio";

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
			.append("| server | sustained msg/s | p99 ms there | generator CPU there | × node-ws | × socketio "
					+ "| first failing step: offered/s, delivered/s, p99 ms |\n")
			.append("|---|---:|---:|---:|---:|---:|---|\n");
		List<Limit> maxima = Limit.of(of(results, "max"), 100);
		Limit ws = find(maxima, WS_PEER);
		Limit socketIo = find(maxima, SOCKET_IO_PEER);
		maxima.forEach((limit) -> out.append(
				limitRow(limit, List.of(), List.of(generatorCpu(limit), limit.ratioTo(ws), limit.ratioTo(socketIo)))));
		out.append("\n### 4. REST, highest rate with p99 < 50 ms\n\n")
			.append("| server | route | sustained req/s | p99 ms there | first failing step: offered/s, answered/s, p99 ms |\n")
			.append("|---|---|---:|---:|---|\n");
		Limit.of(of(results, "rest"), 50)
			.forEach((limit) -> out
				.append(limitRow(limit, List.of("`GET /conversations/{id}` (20 messages)"), List.of())));
		Limit.of(of(results, "rest-send"), 50)
			.forEach((limit) -> out
				.append(limitRow(limit, List.of("`POST /api/conversations/{id}/messages`"), List.of())));
		return out.toString();
	}

	/**
	 * A row: the server, {@code before}, the sustained rate and its p99, {@code after},
	 * then the first failing step.
	 */
	private static String limitRow(Limit limit, List<String> before, List<String> after) {
		StringBuilder row = new StringBuilder("| ").append(limit.server());
		before.forEach((cell) -> row.append(" | ").append(cell));
		Result best = limit.best();
		row.append(" | ")
			.append((best != null) ? format(best.offered()) : "below first step")
			.append(" | ")
			.append((best != null) ? format(best.p99Millis()) : "-");
		after.forEach((cell) -> row.append(" | ").append(cell));
		Result failing = limit.failing();
		return row.append(" | ")
			.append((failing != null) ? format(failing.offered()) + ", " + format(failing.delivered()) + ", "
					+ format(failing.p99Millis()) : "none (highest step passed)")
			.append(" |\n")
			.toString();
	}

	/** Near 100 %, the generator and not the server set the limit. */
	private static String generatorCpu(Limit limit) {
		return (limit.best() != null) ? format(limit.best().generatorCpu()) : "-";
	}

	private static Limit find(List<Limit> limits, String server) {
		return limits.stream().filter((limit) -> limit.server().equals(server)).findFirst().orElse(null);
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

package io.parley.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a stepped scenario found for one server: the highest step it passed and the first
 * it failed.
 *
 * @param best the highest passing step, or {@code null}
 * @param failing the first failing step, or {@code null} when every step passed (the
 * server's ceiling lies above the steps)
 */
record Limit(String server, Result best, Result failing) {

	/** One limit per server, in the order the servers ran. */
	static List<Limit> of(List<Result> steps, double p99Limit) {
		Map<String, List<Result>> byServer = new LinkedHashMap<>();
		steps.forEach((r) -> byServer.computeIfAbsent(r.server(), (k) -> new ArrayList<>()).add(r));
		List<Limit> limits = new ArrayList<>();
		byServer.forEach((server, list) -> limits.add(new Limit(server,
				list.stream()
					.filter((r) -> passes(r, p99Limit))
					.max(Comparator.comparingDouble(Result::offered))
					.orElse(null),
				list.stream().filter((r) -> !passes(r, p99Limit)).findFirst().orElse(null))));
		return limits;
	}

	static boolean passes(Result r, double p99Limit) {
		return r.p99Millis() >= 0 && r.p99Millis() <= p99Limit && r.delivered() >= 0.95 * r.offered();
	}

	/**
	 * This server's sustained rate as a multiple of {@code other}'s; {@code ≤} or
	 * {@code ≥} where one of the two passed every step, so that its ceiling is only known
	 * from below.
	 */
	String ratioTo(Limit other) {
		if (other == null || this.best == null || other.best == null) {
			return "-";
		}
		if (this.failing == null && other.failing == null && other != this) {
			return "-";
		}
		String bound = "";
		if (other.failing == null && other != this) {
			bound = "≤ ";
		}
		else if (this.failing == null && other != this) {
			bound = "≥ ";
		}
		return bound + String.format(Locale.ROOT, "%.2f", this.best.offered() / other.best.offered());
	}

}

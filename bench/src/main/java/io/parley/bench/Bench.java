package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator: runs the chosen scenarios against one server and appends one JSON
 * line per result to {@code --out}. {@code bench/run} drives it for every server and
 * prints the table.
 */
public final class Bench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Options options;

	private final URI base;

	private final ProcessStats server;

	private final Clients clients = new Clients(4);

	private final Sockets sockets;

	private final List<Result> results = new ArrayList<>();

	Bench(Options options) {
		this.options = options;
		this.base = URI.create(options.url());
		this.server = new ProcessStats(options.serverPid(), options.jcmd());
		this.sockets = new Sockets(options.ioThreads(), options.tickMicros());
	}

	public static void main(String[] args) {
		run(args);
		System.exit(0);
	}

	/** Runs the scenarios the arguments name and returns their results. */
	public static List<Result> run(String... args) {
		Bench bench = new Bench(Options.parse(args));
		try {
			bench.runAll();
		}
		finally {
			bench.sockets.close();
		}
		return bench.results;
	}

	private void runAll() {
		Options options = this.options;
		ParleyApi api = new ParleyApi(this.clients.next(), this.base);
		if (options.scenarios().contains("idle")) {
			String token = options.isParley() ? api.token("candidate") : null;
			record(IdleLoad.run(options.label(), this.sockets, this.base, options.wire(), token, options.idleSockets(),
					this.server, options.hold()));
		}
		boolean rooms = options.scenarios().contains("rooms") || options.scenarios().contains("max");
		List<Room> prepared = (rooms || options.scenarios().contains("rest")) ? prepare(api) : List.of();
		if (rooms) {
			try (RoomsLoad load = RoomsLoad.connect(this.sockets, this.base, options.wire(),
					prepared.subList(0, options.rooms()))) {
				roomsAndMaximum(load);
			}
		}
		if (options.scenarios().contains("rest") && options.isParley()) {
			rest(prepared.get(options.rooms()), prepared.get(options.rooms() + 1));
		}
	}

	private List<Room> prepare(ParleyApi api) {
		int count = this.options.rooms() + 2; // and one room for each REST scenario
		long start = System.nanoTime();
		List<Room> rooms = this.options.isParley()
				? api.rooms(count, Math.min(this.options.agents(), count), this.options.setupParallelism())
				: IntStream.range(0, count).mapToObj((i) -> new Room("room-" + i, null, null)).toList();
		System.out.printf("%s: prepared %d rooms in %.1f s%n", this.options.label(), count,
				(System.nanoTime() - start) / 1e9);
		return rooms;
	}

	private void roomsAndMaximum(RoomsLoad load) {
		CpuMeter cpu = new CpuMeter(this.server);
		if (this.options.scenarios().contains("rooms")) {
			for (int rate : this.options.rates()) {
				record(load.run("rooms", this.options.label(), rate, this.options.warmup(), this.options.measure(),
						cpu));
			}
		}
		if (this.options.scenarios().contains("max")) {
			for (int rate : this.options.maxRates()) {
				Result step = load.run("max", this.options.label(), rate, this.options.stepWarmup(),
						this.options.stepMeasure(), cpu);
				record(step);
				if (step.p99Millis() < 0 || step.p99Millis() > 100 || step.delivered() < 0.95 * step.offered()) {
					break;
				}
			}
		}
	}

	/**
	 * Lists a conversation of 20 messages through {@code GET /conversations/{id}}, then
	 * posts messages into another one through {@code POST
	 * /api/conversations/{id}/messages}, each at rising rates.
	 */
	private void rest(Room listed, Room posted) {
		try (RoomsLoad filler = RoomsLoad.connect(this.sockets, this.base, Wire.PLAIN, List.of(listed))) {
			Result fill = filler.run("fill", this.options.label(), 20, Duration.ZERO, Duration.ofSeconds(1),
					new CpuMeter(this.server));
			// otherwise the scenario would time the listing of a shorter conversation than it says
			if (fill.offered() <= 0 || fill.delivered() != fill.offered()) {
				throw new IllegalStateException("The REST scenario's conversation got " + fill.delivered() + " of "
						+ fill.offered() + " messages");
			}
		}
		steps(RestLoad.get(this.base.resolve("/conversations/" + listed.conversationId()), listed.receiverToken()));
		steps(RestLoad.post(this.base.resolve("/api/conversations/" + posted.conversationId() + "/messages"),
				posted.receiverToken(), "{\"content\":\"" + RestLoad.CONTENT + "\"}"));
	}

	private void steps(RestLoad load) {
		CpuMeter cpu = new CpuMeter(this.server);
		for (int rate : this.options.restRates()) {
			Result step = load.run(this.options.label(), rate, this.options.stepWarmup(), this.options.stepMeasure(),
					cpu);
			record(step);
			if (step.p99Millis() < 0 || step.p99Millis() > 50 || step.delivered() < 0.95 * step.offered()) {
				break;
			}
		}
	}

	private void record(Result result) {
		this.results.add(result);
		String line = JSON.writeValueAsString(result);
		System.out.println(line);
		try {
			Files.writeString(Path.of(this.options.out()), line + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write " + this.options.out(), ex);
		}
	}

}

package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and memory of a process, read from {@code /proc}; heap after a full GC through {@code jcmd} for
 * JVMs.
 */
final class ProcessStats {

	private static final double TICKS_PER_SECOND = 100.0;

	/** Each generation's (or G1's whole heap's) use, as {@code jcmd GC.heap_info} prints it. */
	private static final Pattern HEAP_USED = Pattern.compile(", used (\\d+)K");

	private final long pid;

	private final String jcmd;

	ProcessStats(long pid, String jcmd) {
		this.pid = pid;
		this.jcmd = jcmd;
	}

	static ProcessStats self() {
		return new ProcessStats(ProcessHandle.current().pid(), null);
	}

	boolean exists() {
		return this.pid > 0 && Files.exists(Path.of("/proc", String.valueOf(this.pid)));
	}

	/** CPU seconds (user + system) used so far, 0 when unknown. */
	double cpuSeconds() {
		if (!exists()) {
			return 0;
		}
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(this.pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Resident memory in KiB, 0 when unknown. */
	long rssKib() {
		if (!exists()) {
			return 0;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return 0;
	}

	/** Java heap in use after a full GC, in KiB; -1 when the process is no JVM or jcmd is not given. */
	long heapAfterGcKib() {
		if (this.jcmd == null || !exists()) {
			return -1;
		}
		run(List.of(this.jcmd, String.valueOf(this.pid), "GC.run"));
		String info = run(List.of(this.jcmd, String.valueOf(this.pid), "GC.heap_info"));
		Matcher used = HEAP_USED.matcher(info);
		long total = -1;
		while (used.find()) {
			total = Math.max(total, 0) + Long.parseLong(used.group(1));
		}
		if (total < 0) {
			System.out.println("Could not read the heap of process " + this.pid + ": " + info);
		}
		return total;
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			process.waitFor(60, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}

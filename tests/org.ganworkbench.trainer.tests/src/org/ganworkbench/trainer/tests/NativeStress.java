package org.ganworkbench.trainer.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.bytedeco.javacpp.Pointer;

/**
 * Issue #24's concurrency stress: runs the trainer's native work (convolutions and their backward,
 * batch norm, GEMMs, Adam, LAPACK's sgesvd, the quality evaluation, whole GAN steps) on several
 * threads at once, each thread on its own arrays, and checks every result against the same unit's
 * result computed alone first. A corrupted native heap kills the JVM, so every scenario runs in a
 * child JVM (with glibc's heap checks where the system has them) whose death is reported: exit
 * status, problematic frame, how far it got. The scenarios "before the fix" run the singular-value
 * monitor's LAPACK call as it was until the crash of 2026-12-02 was understood (docs/decisions.md):
 * they are there to die.
 * <p>
 * {@code NativeStress SECONDS [SCENARIO...]}: each scenario (all when none is named) for SECONDS in
 * a child JVM of its own, then one line per scenario and a verdict line; {@code --minutes TOTAL} in
 * place of SECONDS shares TOTAL minutes between them (releng/stress-nd4j.sh).
 * {@code NativeStress --child SECONDS SCENARIO...}: the scenarios one after the other in this JVM.
 */
public final class NativeStress {

	/** Threads of the single-operation scenarios: twice the build machine's cores. */
	static final int THREADS = Integer.getInteger("stress.threads", 4);
	private static final long RESIDENT_BUDGET = 1024L << 20;

	/** The units one thread cycles through. */
	@FunctionalInterface
	interface ThreadWork {
		List<StressWork.Unit> units(int thread, Path scratch) throws Exception;
	}

	/**
	 * @param beforeFix whether the scenario runs the singular-value monitor as it was before the
	 *        fix: it reproduces the corruption rather than checks the trainer
	 */
	record Scenario(String name, String what, int threads, ThreadWork work, boolean beforeFix) {

		Scenario(String name, String what, int threads, ThreadWork work) {
			this(name, what, threads, work, false);
		}
	}

	/** Every scenario: the reproductions first, then the trainer's operations alone and together. */
	static final List<Scenario> SCENARIOS = List.of(
			new Scenario("gesvd-before-fix", "the singular-value monitor's sgesvd as it was, beside a thread making garbage",
					2, (thread, scratch) -> List.of(thread == 0 ? StressWork.garbage() : StressWork.singularValuesBeforeFix(1)),
					true),
			new Scenario("gesvd-before-fix+feature-training",
					"the same beside the feature network's training (the arrangement that crashed on 2026-12-02)", 2,
					(thread, scratch) -> List.of(thread == 0 ? StressWork.singularValuesBeforeFix(1)
							: StressWork.featureTraining(7)), true),
			same("conv", "conv2d + conv2d_bp + Adam", StressWork::conv),
			same("deconv", "deconv2d + deconv2d_bp + Adam", StressWork::deconv),
			same("batchnorm", "moments + batchnorm + batchnorm_bp + Adam", StressWork::batchNorm),
			same("gemm", "dense sgemm forward and backward + Adam", StressWork::dense),
			same("adam", "fused Adam updater", StressWork::adam),
			same("features", "feature network inference + FD/KID double GEMMs, temporaries closed", StressWork::features),
			new Scenario("gesvd", "the singular-value monitor's sgesvd beside a thread making garbage", 2,
					(thread, scratch) -> List.of(thread == 0 ? StressWork.garbage() : StressWork.singularValues(1))),
			new Scenario("gemv+gemm", "spectral norm's matrix-vector products beside conv and dense GEMMs", THREADS,
					(thread, scratch) -> thread == 0 ? List.of(StressWork.gemv(1))
							: List.of(StressWork.conv(thread), StressWork.dense(thread))),
			new Scenario("gesvd+gemm", "sgesvd on half the threads, dense GEMMs on the others", THREADS,
					(thread, scratch) -> List.of(thread % 2 == 0 ? StressWork.singularValues(thread) : StressWork.dense(thread))),
			new Scenario("gesvd+features", "sgesvd beside an evaluation's feature network and double GEMMs", 2,
					(thread, scratch) -> List.of(thread == 0 ? StressWork.singularValues(1) : StressWork.features(2))),
			new Scenario("gesvd+feature-training", "sgesvd beside the feature network's training", 2,
					(thread, scratch) -> List.of(thread == 0 ? StressWork.singularValues(1) : StressWork.featureTraining(7))),
			new Scenario("mixed", "every operation but sgesvd, each thread in another order", THREADS, (thread, scratch) -> {
				List<StressWork.Unit> all = new ArrayList<>(List.of(StressWork.conv(1), StressWork.deconv(2),
						StressWork.batchNorm(3), StressWork.dense(4), StressWork.adam(5), StressWork.features(6)));
				Collections.rotate(all, thread);
				return all;
			}),
			new Scenario("fresh-threads", "units on short-lived threads (as each run's quality thread) beside the mix",
					THREADS, (thread, scratch) -> thread == 0
							? List.of(StressWork.onFreshThread(StressWork.features(9)), StressWork.onFreshThread(StressWork.conv(9)),
									StressWork.onFreshThread(StressWork.dense(9)), StressWork.onFreshThread(StressWork.batchNorm(9)))
							: List.of(StressWork.conv(thread), StressWork.dense(thread), StressWork.batchNorm(thread),
									StressWork.deconv(thread), StressWork.adam(thread))),
			new Scenario("monitor-submissions", "snapshots submitted faster than the quality thread evaluates them", 1,
					(thread, scratch) -> List.of(StressWork.monitorSubmissions(scratch, 10))),
			new Scenario("old-arrangement", "the feature network trained beside tiny GAN runs, as before 2026-12-02", 2,
					(thread, scratch) -> thread == 0 ? List.of(StressWork.featureTraining(7)) : ganRuns(scratch)),
			new Scenario("quality-beside-training", "evaluations beside tiny GAN runs (the arrangement since then)", 2,
					(thread, scratch) -> thread == 0 ? ganRuns(scratch) : List.of(StressWork.evaluation(8))));

	private NativeStress() {
	}

	private static Scenario same(String name, String what, LongFunction<StressWork.Unit> unit) {
		return new Scenario(name, what, THREADS, (thread, scratch) -> List.of(unit.apply(thread + 1)));
	}

	/** Tiny runs of the templates in stress.templates (default: all three). */
	private static List<StressWork.Unit> ganRuns(Path scratch) throws Exception {
		List<StressWork.Unit> units = new ArrayList<>();
		long seed = 11;
		for (String template : System.getProperty("stress.templates", "dcgan,sngan,r3gan").split(",")) {
			units.add(StressWork.ganSteps(template, scratch, seed++));
		}
		return units;
	}

	static Scenario scenario(String name) {
		return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
	}

	/** What a scenario did: runs compared with the reference, and how they compared. */
	record Outcome(String scenario, long iterations, long identical, long mismatches, long errors, int exitCode,
			String problem, String units) {

		Outcome(String scenario, int exitCode, String problem) {
			this(scenario, 0, 0, 0, 0, exitCode, problem, "");
		}

		boolean passed() {
			return exitCode == 0 && mismatches == 0 && errors == 0 && problem == null && iterations > 0;
		}

		String line() {
			return String.format(Locale.ROOT, "%-24s iterations %7d  bit-identical %7d  mismatches %d  errors %d  exit %d%s%s",
					scenario, iterations, identical, mismatches, errors, exitCode, units.isEmpty() ? "" : "  (" + units + ")",
					problem == null ? "" : "  " + problem);
		}
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			List<String> names = List.of(args).subList(2, args.length);
			boolean clean = runHere(Double.parseDouble(args[1]), names, System.out);
			System.out.flush();
			// daemon threads and ND4J's pools must not keep a finished child alive
			Runtime.getRuntime().halt(clean ? 0 : 1);
		}
		if (args.length == 0) {
			System.err.println("usage: NativeStress SECONDS_PER_SCENARIO [SCENARIO...]");
			System.err.println("       NativeStress --minutes TOTAL [SCENARIO...]");
			System.exit(2);
		}
		boolean total = args[0].equals("--minutes");
		List<String> rest = List.of(args).subList(total ? 2 : 1, args.length);
		List<String> names = rest.isEmpty() ? SCENARIOS.stream().map(Scenario::name).toList() : rest;
		names.forEach(NativeStress::scenario);
		// a child's start and its references take about 15 s of each scenario's share
		double seconds = total ? Math.max(5, Double.parseDouble(args[1]) * 60 / names.size() - 15)
				: Double.parseDouble(args[0]);
		System.out.printf(Locale.ROOT, "native stress: %d scenarios, %.0f s each, %d threads, %s%n", names.size(), seconds,
				THREADS, MALLOC_DEBUG != null ? "glibc heap checks on" : "no glibc heap checks (libc_malloc_debug missing)");
		List<Outcome> outcomes = new ArrayList<>();
		for (String name : names) {
			// one JVM each: a scenario that corrupts the heap must not take the others with it
			outcomes.addAll(inChild(seconds, List.of(name), System.out));
		}
		System.out.println();
		System.out.println(summary(outcomes));
		System.exit(outcomes.stream().filter(o -> !scenario(o.scenario()).beforeFix()).allMatch(Outcome::passed) ? 0 : 1);
	}

	/**
	 * One line per scenario, then the verdict: PASS when every scenario of the trainer's code passed.
	 * A scenario before the fix that dies or computes a wrong result reproduces the corruption; it is
	 * counted, not failed.
	 */
	static String summary(List<Outcome> outcomes) {
		StringBuilder out = new StringBuilder();
		List<Outcome> before = outcomes.stream().filter(o -> scenario(o.scenario()).beforeFix()).toList();
		List<Outcome> now = outcomes.stream().filter(o -> !scenario(o.scenario()).beforeFix()).toList();
		if (!before.isEmpty()) {
			out.append("before the fix (reproductions):\n");
			before.forEach(o -> out.append("  ").append(o.line()).append(o.passed() ? "  [not reproduced]" : "  [reproduced]")
					.append('\n'));
		}
		if (!now.isEmpty()) {
			out.append("the trainer's code:\n");
			now.forEach(o -> out.append("  ").append(o.line()).append(o.passed() ? "" : "  [FAILED]").append('\n'));
		}
		long failed = now.stream().filter(o -> !o.passed()).count();
		out.append(String.format(Locale.ROOT,
				"verdict: %s (%d of %d scenarios passed, %d iterations, %d mismatches; before the fix: reproduced in %d of %d)",
				failed == 0 ? "PASS" : "FAIL", now.size() - failed, now.size(), now.stream().mapToLong(Outcome::iterations).sum(),
				now.stream().mapToLong(Outcome::mismatches).sum(), before.stream().filter(o -> !o.passed()).count(),
				before.size()));
		return out.toString();
	}

	/**
	 * Runs the scenarios one after the other in a child JVM with this JVM's classpath and returns
	 * an outcome per scenario; a scenario the child did not finish gets its exit status, how long it
	 * had run, its progress and what the JVM's error report and standard error say. glibc's heap
	 * checks (libc_malloc_debug, MALLOC_CHECK_=3) are on in the child where the library exists, so
	 * that a corrupted heap is caught at the next allocation rather than much later.
	 */
	static List<Outcome> inChild(double seconds, List<String> names, PrintStream echo) throws IOException,
			InterruptedException {
		return inChild(seconds, names, List.of(), echo);
	}

	/** @param options more options for the child JVM (-Dstress.templates=dcgan, for one) */
	static List<Outcome> inChild(double seconds, List<String> names, List<String> options, PrintStream echo)
			throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("native-stress");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("-Dstress.threads=" + THREADS);
		command.add("-Dstress.templates=" + System.getProperty("stress.templates", "dcgan,sngan,r3gan"));
		// the child's run directories go here, so that a child that dies leaves nothing behind
		command.add("-Dstress.scratch=" + dir);
		command.addAll(options);
		// a crash inside malloc can hang the error report (it allocates): give up on it after 20 s
		command.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
		command.add("-XX:ErrorLogTimeout=20");
		String extension = System.getProperty("org.bytedeco.javacpp.platform.extension");
		if (extension != null) {
			command.add("-Dorg.bytedeco.javacpp.platform.extension=" + extension);
		}
		command.add("-cp");
		command.add(TrainerProcess.classpath());
		command.add(NativeStress.class.getName());
		command.add("--child");
		command.add(Double.toString(seconds));
		command.addAll(names);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
				.redirectError(dir.resolve("stderr.txt").toFile());
		if (MALLOC_DEBUG != null && !Boolean.getBoolean("stress.noMallocCheck")) {
			builder.environment().put("LD_PRELOAD", MALLOC_DEBUG);
			builder.environment().put("MALLOC_CHECK_", "3");
		}
		Process child = builder.start();
		// the child prints a line at least every few seconds; one that stops is killed
		long limit = (long) (seconds * names.size()) + 600;
		Thread watchdog = new Thread(() -> {
			try {
				if (!child.waitFor(limit, TimeUnit.SECONDS)) {
					child.destroyForcibly();
				}
			} catch (InterruptedException e) {
				child.destroyForcibly();
			}
		}, "native-stress-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		Map<String, Outcome> done = new LinkedHashMap<>();
		String running = null;
		long runningSince = 0;
		String progress = "";
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line; (line = out.readLine()) != null;) {
				String[] words = line.split(" ");
				// the JVM's own fatal-error banner goes to standard output: its gist is in the outcome
				if (!words[0].equals("progress") && !line.startsWith("#") && !line.startsWith("[")) {
					echo.println(line);
				}
				if (words[0].equals("start")) {
					running = words[1];
					runningSince = System.nanoTime();
					progress = "";
				} else if (words[0].equals("progress")) {
					progress = ", " + field(words, "iterations") + " iterations before (" + text(words, "units") + ")";
				} else if (words[0].equals("result")) {
					done.put(words[1], new Outcome(words[1], field(words, "iterations"), field(words, "identical"),
							field(words, "mismatches"), field(words, "errors"), 0, null, text(words, "units")));
					running = null;
				}
			}
		}
		int exit = child.waitFor();
		String report = crashReport(dir, exit);
		double ran = (System.nanoTime() - runningSince) / 1e9;
		StressWork.deleteTree(dir);
		List<Outcome> outcomes = new ArrayList<>();
		for (String name : names) {
			Outcome o = done.get(name);
			if (o != null) {
				outcomes.add(o);
			} else if (name.equals(running)) {
				outcomes.add(new Outcome(name, exit == 0 ? -1 : exit, String.format(Locale.ROOT,
						"the JVM died after %.0f s in this scenario%s: %s", ran, progress, report)));
			} else {
				outcomes.add(new Outcome(name, exit == 0 ? -1 : exit, "not run: the JVM died before"));
			}
		}
		boolean expected = exit == 0 || exit == 1 && outcomes.stream().anyMatch(o -> o.mismatches() + o.errors() > 0);
		if (!expected && done.size() == names.size()) {
			// every scenario ended, then the JVM did not: a corruption found by a later free
			Outcome last = outcomes.remove(outcomes.size() - 1);
			outcomes.add(new Outcome(last.scenario(), last.iterations(), last.identical(), last.mismatches(), last.errors(),
					exit, "the JVM died after the last scenario: " + report, last.units()));
		}
		return outcomes;
	}

	/** glibc's heap-check library, when this system has it. */
	private static final String MALLOC_DEBUG = Stream
			.of("/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0", "/lib64/libc_malloc_debug.so.0")
			.filter(f -> Files.isRegularFile(Path.of(f))).findFirst().orElse(null);

	/**
	 * How a child that died says it died: the JVM's problematic frame and the native frames of the
	 * crashing thread (its error report), glibc's message, or the last lines of its standard error.
	 */
	private static String crashReport(Path dir, int exit) throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
				List<String> report = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
				report.stream().filter(l -> l.startsWith("#  SIG") || l.startsWith("# C  ")).forEach(l -> lines.add(l.substring(2).trim()));
				// the crashing thread's first Java frames: which unit it was in
				report.stream().filter(l -> l.startsWith("j  ") || l.startsWith("J ")).limit(2)
						.forEach(l -> lines.add(l.replaceAll("\\(.*", "").trim()));
				Path kept = Path.of(System.getProperty("java.io.tmpdir"), file.getFileName().toString());
				Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
				lines.add("report: " + kept);
			}
		}
		if (exit != 0) {
			Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.ISO_8859_1).stream()
					.filter(l -> !l.isBlank() && !l.contains(" INFO ") && !l.startsWith("#") && !l.startsWith("WARNING")
							&& !l.startsWith("SLF4J") && !l.startsWith("\tat "))
					.reduce((a, b) -> b).ifPresent(l -> lines.add(l.trim()));
		}
		return lines.isEmpty() ? "exit " + exit : String.join(" | ", lines);
	}

	private static String text(String[] words, String key) {
		for (String word : words) {
			if (word.startsWith(key + "=")) {
				return word.substring(key.length() + 1).replace(",", ", ").replace(':', ' ');
			}
		}
		return "";
	}

	private static long field(String[] words, String key) {
		for (String word : words) {
			if (word.startsWith(key + "=")) {
				return Long.parseLong(word.substring(key.length() + 1));
			}
		}
		return -1;
	}

	/**
	 * The scenarios in this JVM, for {@code seconds} each, printing "start NAME" before and "result
	 * NAME iterations=.. identical=.. mismatches=.. errors=.." after each.
	 *
	 * @return whether every run matched its reference
	 */
	static boolean runHere(double seconds, List<String> names, PrintStream out) throws Exception {
		Path scratch = Files.createTempDirectory(Path.of(System.getProperty("stress.scratch",
				System.getProperty("java.io.tmpdir"))), "native-stress");
		Thread budget = new Thread(NativeStress::keepResidentMemoryNearBudget, "stress-memory-budget");
		budget.setDaemon(true);
		budget.start();
		boolean clean = true;
		try {
			for (String name : names) {
				clean &= run(scenario(name), seconds, scratch, out);
			}
		} finally {
			StressWork.deleteTree(scratch);
		}
		return clean;
	}

	/** "unit:runs,unit:runs": how often each unit ran. */
	private static String units(Map<String, LongAdder> perUnit) {
		StringBuilder out = new StringBuilder();
		perUnit.forEach((unit, runs) -> out.append(out.length() == 0 ? "" : ",").append(unit).append(':').append(runs.sum()));
		return out.toString();
	}

	/** As the trainer's NativeMemoryBudget does after each step: a collection frees dead ND4J arrays. */
	private static void keepResidentMemoryNearBudget() {
		while (true) {
			if (Pointer.physicalBytes() > RESIDENT_BUDGET) {
				System.gc();
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	private static boolean run(Scenario scenario, double seconds, Path scratch, PrintStream out) throws Exception {
		out.println("start " + scenario.name() + " (" + scenario.what() + ", " + scenario.threads() + " threads)");
		out.flush();
		// every thread's units, and each unit's result computed alone
		List<List<StressWork.Unit>> work = new ArrayList<>();
		List<List<StressWork.Fingerprint>> references = new ArrayList<>();
		Map<String, Double> aloneMs = new LinkedHashMap<>();
		for (int t = 0; t < scenario.threads(); t++) {
			List<StressWork.Unit> units = scenario.work().units(t, scratch);
			List<StressWork.Fingerprint> expected = new ArrayList<>();
			for (StressWork.Unit unit : units) {
				long start = System.nanoTime();
				expected.add(unit.run());
				aloneMs.putIfAbsent(unit.name(), (System.nanoTime() - start) / 1e6);
			}
			work.add(units);
			references.add(expected);
		}
		AtomicLong iterations = new AtomicLong();
		Map<String, LongAdder> perUnit = new ConcurrentSkipListMap<>();
		AtomicLong identical = new AtomicLong();
		AtomicLong mismatches = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> first = new AtomicReference<>();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < scenario.threads(); t++) {
			List<StressWork.Unit> units = work.get(t);
			List<StressWork.Fingerprint> expected = references.get(t);
			Thread thread = new Thread(() -> {
				for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % units.size()) {
					StressWork.Unit unit = units.get(i);
					try {
						StressWork.Fingerprint result = unit.run();
						iterations.incrementAndGet();
						perUnit.computeIfAbsent(unit.name(), k -> new LongAdder()).increment();
						if (result.identical(expected.get(i))) {
							identical.incrementAndGet();
						} else if (!result.close(expected.get(i))) {
							mismatches.incrementAndGet();
							first.compareAndSet(null, unit.name() + " differs: " + Arrays.toString(result.sums())
									+ " instead of " + Arrays.toString(expected.get(i).sums()));
						}
					} catch (Exception | Error e) {
						errors.incrementAndGet();
						first.compareAndSet(null, unit.name() + " threw " + e);
					}
				}
			}, "stress-" + scenario.name() + "-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			while (thread.isAlive()) {
				thread.join(5000);
				// for the report of a JVM that dies: how far the scenario got
				out.println("progress " + scenario.name() + " iterations=" + iterations.get() + " units=" + units(perUnit));
				out.flush();
			}
		}
		StringBuilder alone = new StringBuilder();
		aloneMs.forEach((unit, ms) -> alone.append(String.format(Locale.ROOT, " %s=%.0f", unit, ms)));
		out.printf(Locale.ROOT, "result %s iterations=%d identical=%d mismatches=%d errors=%d units=%s (alone, ms:%s)%n",
				scenario.name(), iterations.get(), identical.get(), mismatches.get(), errors.get(), units(perUnit), alone);
		if (first.get() != null) {
			out.println("first problem in " + scenario.name() + ": " + first.get());
		}
		out.flush();
		return mismatches.get() == 0 && errors.get() == 0;
	}
}

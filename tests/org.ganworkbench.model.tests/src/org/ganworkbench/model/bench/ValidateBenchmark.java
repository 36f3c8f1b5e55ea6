package org.ganworkbench.model.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.IntFunction;

import org.ganworkbench.model.ModelDocument;

/**
 * How validation time grows with the file: reads generated files from 1 KB to 10 MB and from 10 to
 * 100,000 layers through the model bundle's entry point (bytes in, problems and model out), prints
 * the time of each and the slope of log(time) over log(size): 1 is linear, 2 quadratic. Not a unit
 * test: run it with releng/bench-validate.sh.
 */
public final class ValidateBenchmark {

	private static final int[] BYTES = { 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000 };
	private static final int[] LAYERS = { 10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000 };
	/** Below this the fixed costs (and the timer) dominate, so smaller points are printed but not fitted. */
	private static final double FIT_FROM_MILLIS = 2;
	/** A series stops after a point this slow: the next, three times larger, would take minutes if quadratic. */
	private static final double GIVE_UP_MILLIS = 5_000;
	private static final long MEASURE_NANOS = 400_000_000L;
	private static final int MIN_RUNS = 5;

	private ValidateBenchmark() {
	}

	public static void main(String[] args) {
		warmUp();
		Fit file = series("one line of layers", "bytes", BYTES, n -> validating(LargeModels.utf8(LargeModels.layersOfSize(n))), 0);
		series("stray characters", "bytes", BYTES, n -> validating(LargeModels.utf8(LargeModels.strayCharacters(n))), 0);
		series("random bytes", "bytes", BYTES, n -> validating(LargeModels.randomBytes(n, n)), 0);
		series("layers, one a line", "layers", LAYERS, n -> validating(LargeModels.utf8(LargeModels.layers(n, false))), 0);
		Fit layers = series("layers, all on one line", "layers", LAYERS,
				n -> validating(LargeModels.utf8(LargeModels.layers(n, true))), 0);
		Fit fileReference = series("linear reference for the one line of layers: a HashMap of its layer names, three walks",
				"bytes", BYTES, n -> new LinearReference(LargeModels.layerCountOfSize(n), LargeModels.layersOfSize(n)), file.from());
		Fit layersReference = series("linear reference for the layers on one line", "layers", LAYERS,
				n -> new LinearReference(n, LargeModels.layers(n, true)), layers.from());
		System.out.printf(Locale.ROOT, "%nslopes over the same sizes: one line of layers %.2f, its linear reference %.2f;"
				+ " layers on one line %.2f, its linear reference %.2f%n", file.slope(), fileReference.slope(), layers.slope(),
				layersReference.slope());
	}

	/** A series' slope and the smallest size fitted, so that a reference is fitted over the same sizes. */
	private record Fit(double slope, int from) {
	}

	/** What is timed: one run returns a problem count; {@code bytes} is the file size it stands for. */
	private interface Workload {
		int bytes();

		int run();
	}

	private static Workload validating(byte[] file) {
		return new Workload() {
			@Override
			public int bytes() {
				return file.length;
			}

			@Override
			public int run() {
				return validate(file);
			}
		};
	}

	/**
	 * Work that is linear by construction, over as many objects as the validator builds layers: a
	 * node per name in a HashMap, a lookup of each node's predecessor, a walk. Its slope is what
	 * linear work over this much memory measures on the machine (caches make a larger working set
	 * cost more per element), the line the validator's slope is read against.
	 */
	private static final class LinearReference implements Workload {
		private final String[] names;
		private final int bytes;

		/** As many names as the model has layers, and the model's size for the ns/byte column. */
		LinearReference(int layers, String model) {
			names = new String[layers];
			for (int i = 0; i < layers; i++) {
				names[i] = "l" + (i + 1);
			}
			bytes = LargeModels.utf8(model).length;
		}

		@Override
		public int bytes() {
			return bytes;
		}

		@Override
		public int run() {
			Map<String, Node> byName = new HashMap<>();
			List<Node> nodes = new ArrayList<>();
			for (String name : names) {
				Node node = new Node(new String(name));
				byName.put(node.name, node);
				nodes.add(node);
			}
			for (int i = 1; i < nodes.size(); i++) {
				nodes.get(i).input = byName.get(names[i - 1]);
			}
			int deepest = 0;
			for (Node node : nodes) {
				node.depth = node.input == null ? 0 : node.input.depth + 1;
				deepest = Math.max(deepest, node.depth);
			}
			return deepest == names.length - 1 ? 0 : 1;
		}

		private static final class Node {
			final String name;
			Node input;
			int depth;

			Node(String name) {
				this.name = name;
			}
		}
	}

	private static void warmUp() {
		Workload file = validating(LargeModels.utf8(LargeModels.layers(3_000, false)));
		Workload reference = new LinearReference(3_000, LargeModels.layers(3_000, true));
		long end = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < end) {
			file.run();
			reference.run();
		}
	}

	/**
	 * Prints one table and returns its fit (slope NaN with fewer than two points): points from
	 * {@code fitFrom} on, or else those over {@value #FIT_FROM_MILLIS} ms.
	 */
	private static Fit series(String title, String unit, int[] sizes, IntFunction<Workload> workloads, int fitFrom) {
		System.out.printf("%n%s%n  %10s %12s %10s %10s %10s %8s %8s%n", title, unit, "file bytes", "best ms", "median ms",
				"less GC", "ns/byte", "problems");
		List<double[]> fitted = new ArrayList<>();
		List<double[]> fittedCpu = new ArrayList<>();
		int from = Integer.MAX_VALUE;
		for (int size : sizes) {
			Workload workload = workloads.apply(size);
			double[] result = time(workload);
			double millis = result[0];
			System.out.printf(Locale.ROOT, "  %,10d %,12d %10.2f %10.2f %10.2f %8.1f %8d%n", size, workload.bytes(), millis,
					result[2], result[3], result[3] * 1e6 / workload.bytes(), (int) result[1]);
			if (fitFrom > 0 ? size >= fitFrom : millis >= FIT_FROM_MILLIS) {
				from = Math.min(from, size);
				fitted.add(new double[] { Math.log(size), Math.log(millis) });
				fittedCpu.add(new double[] { Math.log(size), Math.log(result[3]) });
			}
			if (millis > GIVE_UP_MILLIS) {
				System.out.printf("  (stopped: over %.0f s)%n", GIVE_UP_MILLIS / 1000);
				break;
			}
		}
		if (fitted.size() < 2) {
			return new Fit(Double.NaN, from);
		}
		System.out.printf(Locale.ROOT, "  slope %.2f (log-log fit of the best times, %d points from %,d %s)%n", slope(fitted),
				fitted.size(), from, unit);
		System.out.printf(Locale.ROOT, "  slope %.2f without the collector (fit of the best times less collector pauses)%n",
				slope(fittedCpu));
		return new Fit(slope(fitted), from);
	}

	/**
	 * {best milliseconds, problem count, median milliseconds, best milliseconds less collector pauses}:
	 * repeats until 0.4 s are spent, at least
	 * {@value #MIN_RUNS} times. The best run is the validator's own work; the others add collector
	 * pauses, whose length depends on the collector and the heap more than on the file (one run in a
	 * 10 MB series can take twice another), so the slope is fitted on the best times.
	 */
	private static double[] time(Workload workload) {
		List<Long> nanos = new ArrayList<>();
		long bestWithoutCollector = Long.MAX_VALUE;
		int problems = 0;
		long spent = 0;
		while (nanos.size() < MIN_RUNS || spent < MEASURE_NANOS && nanos.size() < 50) {
			long collected = collectorMillis();
			long start = System.nanoTime();
			problems = workload.run();
			long took = System.nanoTime() - start;
			long paused = (collectorMillis() - collected) * 1_000_000L;
			bestWithoutCollector = Math.min(bestWithoutCollector, Math.max(0, took - paused));
			nanos.add(took);
			spent += took;
			if (took > GIVE_UP_MILLIS * 1e6) {
				break;
			}
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return new double[] { sorted[0] / 1e6, problems, sorted[sorted.length / 2] / 1e6, bestWithoutCollector / 1e6 };
	}

	/** Milliseconds all collectors have paused so far (the JVM counts them in whole milliseconds). */
	private static long collectorMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
				.sum();
	}

	private static int validate(byte[] file) {
		return ModelDocument.read(file).problems().size();
	}

	/** Least-squares slope of y over x. */
	private static double slope(List<double[]> points) {
		double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
		double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
		double sxy = 0;
		double sxx = 0;
		for (double[] p : points) {
			sxy += (p[0] - mx) * (p[1] - my);
			sxx += (p[0] - mx) * (p[0] - mx);
		}
		return sxy / sxx;
	}
}

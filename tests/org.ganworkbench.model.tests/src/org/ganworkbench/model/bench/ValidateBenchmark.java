package org.ganworkbench.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
		series("one line of layers", "bytes", BYTES, n -> LargeModels.utf8(LargeModels.layersOfSize(n)));
		series("stray characters", "bytes", BYTES, n -> LargeModels.utf8(LargeModels.strayCharacters(n)));
		series("random bytes", "bytes", BYTES, n -> LargeModels.randomBytes(n, n));
		series("layers, one a line", "layers", LAYERS, n -> LargeModels.utf8(LargeModels.layers(n, false)));
		series("layers, all on one line", "layers", LAYERS, n -> LargeModels.utf8(LargeModels.layers(n, true)));
	}

	private static void warmUp() {
		byte[] file = LargeModels.utf8(LargeModels.layers(3_000, false));
		long end = System.nanoTime() + 3_000_000_000L;
		while (System.nanoTime() < end) {
			validate(file);
		}
	}

	private static void series(String title, String unit, int[] sizes, IntFunction<byte[]> files) {
		System.out.printf("%n%s%n  %10s %12s %10s %10s %8s%n", title, unit, "file bytes", "best ms", "median ms",
				"problems");
		List<double[]> fitted = new ArrayList<>();
		for (int size : sizes) {
			byte[] file = files.apply(size);
			double[] result = time(file);
			double millis = result[0];
			System.out.printf(Locale.ROOT, "  %,10d %,12d %10.2f %10.2f %8d%n", size, file.length, millis, result[2],
					(int) result[1]);
			if (millis >= FIT_FROM_MILLIS) {
				fitted.add(new double[] { Math.log(size), Math.log(millis) });
			}
			if (millis > GIVE_UP_MILLIS) {
				System.out.printf("  (stopped: over %.0f s)%n", GIVE_UP_MILLIS / 1000);
				break;
			}
		}
		if (fitted.size() >= 2) {
			System.out.printf(Locale.ROOT, "  slope %.2f (log-log fit of the best times, %d points over %.0f ms)%n", slope(fitted),
					fitted.size(), FIT_FROM_MILLIS);
		}
	}

	/**
	 * {best milliseconds, problem count, median milliseconds}: repeats until 0.4 s are spent, at least
	 * {@value #MIN_RUNS} times. The best run is the validator's own work; the others add collector
	 * pauses, whose length depends on the collector and the heap more than on the file (one run in a
	 * 10 MB series can take twice another), so the slope is fitted on the best times.
	 */
	private static double[] time(byte[] file) {
		List<Long> nanos = new ArrayList<>();
		int problems = 0;
		long spent = 0;
		while (nanos.size() < MIN_RUNS || spent < MEASURE_NANOS && nanos.size() < 50) {
			long start = System.nanoTime();
			problems = validate(file);
			long took = System.nanoTime() - start;
			nanos.add(took);
			spent += took;
			if (took > GIVE_UP_MILLIS * 1e6) {
				break;
			}
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return new double[] { sorted[0] / 1e6, problems, sorted[sorted.length / 2] / 1e6 };
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

package org.ganworkbench.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Templates;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.ganworkbench.trainer.train.Trainer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;

/**
 * Trains the DCGAN (28x28x1), SN-GAN (32x32x3) and R3GAN (32x32x3) templates with the project's
 * trainer and with a PyTorch peer (DJL) in one JVM, alternating rounds so that both see the same machine load, and
 * prints images/s, their ratio, the cost of monitoring and the model FLOP utilisation. Last line:
 * {@code ratio dcgan=X sngan=Y r3gan=Z} (trainer images/s over peer images/s).
 *
 * <p>Rounds alternate which side trains first; the ratio is the median of the rounds' paired ratios.
 * Options: {@code --rounds R} (default 7), {@code --steps S} (G steps per round, default 20),
 * {@code --warmup W} (G steps before the first round, default 100: for its first 50-100 steps the
 * trainer's JVM still touches heap pages for the first time, 12-16 MB a step, and steps are 10-20%
 * slower),
 * {@code --only dcgan|sngan|r3gan}.
 */
public final class Benchmark {

	private static final long SEED = 1;
	/** The benchmark writes singular values and samples this much more often, to time them; reported at the defaults. */
	private static final String INTERVALS = "intervals { samples = 10; singular_values = 5; metrics = 10; checkpoints = 1000000 }";

	private record Case(String template, int size, int channels) {
	}

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = option(args, "--rounds", 7);
		int steps = option(args, "--steps", 20);
		int warmup = option(args, "--warmup", 100);
		String only = stringOption(args, "--only");
		Locale.setDefault(Locale.ROOT);
		Machine machine = Machine.measure();
		System.out.println(machine.describe());
		List<String> ratios = new ArrayList<>();
		for (Case c : List.of(new Case("dcgan", 28, 1), new Case("sngan", 32, 3), new Case("r3gan", 32, 3))) {
			if (only != null && !only.equals(c.template())) {
				continue;
			}
			double ratio = run(c, rounds, steps, warmup, machine);
			ratios.add(c.template() + "=" + String.format("%.2f", ratio));
		}
		System.out.println("ratio " + String.join(" ", ratios));
	}

	private static Peer peer(Case c, int batch) {
		return switch (c.template()) {
		case "dcgan" -> new PeerDcgan(c.size(), c.channels(), batch);
		case "sngan" -> new PeerSngan(c.size(), c.channels(), batch);
		default -> new PeerR3gan(c.size(), c.channels(), batch);
		};
	}

	private static double run(Case c, int rounds, int steps, int warmup, Machine machine) throws Exception {
		String text = Templates.text(c.template(), c.size(), c.channels());
		GanModel defaults = GanBuilder.parse(text, c.template() + ".gan");
		String benchText = text.replaceAll("intervals \\{[^}]*\\}", INTERVALS);
		try (TrainerSide trainer = new TrainerSide(benchText, c.size(), c.channels(), SEED);
				Peer peer = peer(c, trainer.batch())) {
			int batch = trainer.batch();
			int dSteps = trainer.dSteps();
			long[] ours = trainer.parameterCounts();
			long[] theirs = peer.parameterCounts();
			System.out.printf("%n%s %dx%dx%d, batch %d, %d D step(s) per G step: parameters G %d D %d (peer G %d D %d)%n",
					c.template(), c.size(), c.size(), c.channels(), batch, dSteps, ours[0], ours[1], theirs[0], theirs[1]);
			if (!Arrays.equals(ours, theirs)) {
				throw new IllegalStateException("the peer does not build the same networks as the trainer");
			}
			Shape image = new Shape(c.channels(), c.size(), c.size());
			SyntheticShapes data = new SyntheticShapes(c.size(), c.channels(), SEED);
			PeerRunner peerRunner = new PeerRunner(peer, data, batch, dSteps, image, SEED);
			trainer.train(warmup);
			peerRunner.train(warmup);
			Trainer.Timings before = copy(trainer.timings());
			double[] ourRates = new double[rounds];
			double[] peerRates = new double[rounds];
			double[] ratios = new double[rounds];
			long[] ourGc = new long[rounds];
			long[] peerGc = new long[rounds];
			double imagesPerRound = (double) steps * dSteps * batch;
			System.out.println("  rounds (odd: trainer first, even: peer first; GC = collector pauses in the side's time):");
			for (int r = 0; r < rounds; r++) {
				boolean trainerFirst = r % 2 == 0;
				for (int side = 0; side < 2; side++) {
					long gc = collectorMillis();
					if ((side == 0) == trainerFirst) {
						long monitoring = monitoringNanos(trainer.timings());
						long start = System.nanoTime();
						trainer.train(steps);
						// training only: the monitoring (at the benchmark's short intervals) is reported separately
						long spent = System.nanoTime() - start - (monitoringNanos(trainer.timings()) - monitoring);
						ourRates[r] = imagesPerRound / (spent / 1e9);
						ourGc[r] = collectorMillis() - gc;
					} else {
						long start = System.nanoTime();
						peerRunner.train(steps);
						peerRates[r] = imagesPerRound / ((System.nanoTime() - start) / 1e9);
						peerGc[r] = collectorMillis() - gc;
					}
				}
				ratios[r] = ourRates[r] / peerRates[r];
				System.out.printf("    %d %-13s trainer %7.1f img/s (GC %4d ms)  peer %7.1f img/s (GC %4d ms)  ratio %.2f%n", r + 1,
						trainerFirst ? "trainer first" : "peer first", ourRates[r], ourGc[r], peerRates[r], peerGc[r], ratios[r]);
			}
			Trainer.Timings t = trainer.timings();
			double ourRate = median(ourRates);
			double stepSeconds = dSteps * batch / ourRate;
			double peerRate = median(peerRates);
			double[] macs = peer.forwardMacs(image);
			int extraD = trainer.extraDiscriminatorForwards();
			double flopsPerStep = flopsPerStep(macs[0], macs[1], dSteps, batch, extraD);
			double peerFlopsPerStep = flopsPerStep(macs[2], macs[3], dSteps, batch, extraD);
			double ourFlops = flopsPerStep * ourRate / (dSteps * batch);
			double peerFlops = flopsPerStep * peerRate / (dSteps * batch);
			System.out.printf("  model: %.1f MFLOP per G step per image of D's batch (forward G %.1f, D %.1f MMAC/image);"
					+ " the peer's kernels execute %.1f (G %.1f, D %.1f%s)%n", flopsPerStep / (dSteps * batch) / 1e6, macs[0] / 1e6,
					macs[1] / 1e6, peerFlopsPerStep / (dSteps * batch) / 1e6, macs[2] / 1e6, macs[3] / 1e6,
					macs[2] > macs[0] ? ": its sub-pixel deconv" : ": the same");
			System.out.printf("  trainer %8.1f img/s  %6.2f GFLOP/s  MFU %5.1f%%   GC %d ms in all%n", ourRate,
					ourFlops / 1e9, 100 * ourFlops / machine.peakFlops(), Arrays.stream(ourGc).sum());
			System.out.printf("  peer    %8.1f img/s  %6.2f GFLOP/s  MFU %5.1f%%   GC %d ms in all (%.2f GFLOP/s executed)%n", peerRate,
					peerFlops / 1e9, 100 * peerFlops / machine.peakFlops(), Arrays.stream(peerGc).sum(),
					peerFlopsPerStep * peerRate / (dSteps * batch) / 1e9);
			double ratio = median(ratios);
			System.out.printf("  ratio   %.2f (median of the %d paired rounds' ratios)%n", ratio, rounds);
			var intervals = defaults.training().intervals();
			report("singular values", t.sigmaNanos - before.sigmaNanos, t.sigmaEvents - before.sigmaEvents,
					intervals.singularValues(), stepSeconds);
			report("samples", t.samplesNanos - before.samplesNanos, t.samplesEvents - before.samplesEvents,
					intervals.samples(), stepSeconds);
			return ratio;
		}
	}

	/**
	 * FLOPs of one G step with its D steps from forward MACs per image: each D step is G forward
	 * (no gradient) plus D forward and backward on real and generated batches; the G step is G and D
	 * forward and backward (backward = 2 forwards); plus the penalties' and the relativistic loss's D
	 * passes, in forwards per image of a G step.
	 */
	private static double flopsPerStep(double gMacs, double dMacs, int dSteps, int batch, int extraD) {
		return 2 * (dSteps * batch * (gMacs + 6 * dMacs) + batch * (3 * gMacs + 3 * dMacs + extraD * dMacs));
	}

	/** Milliseconds all collectors of this JVM have paused so far. */
	private static long collectorMillis() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
				.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
	}

	/** Prints a monitoring cost as a share of step time at the model's default interval. */
	private static void report(String what, long nanos, long events, int interval, double stepSeconds) {
		if (events == 0 || interval <= 0) {
			System.out.printf("  %s: not measured%n", what);
			return;
		}
		double each = nanos / 1e9 / events;
		System.out.printf("  %s: %.1f ms each, every %d steps = %.2f%% of step time%n", what, each * 1e3, interval,
				100 * each / interval / stepSeconds);
	}

	private static long monitoringNanos(Trainer.Timings t) {
		return t.sigmaNanos + t.samplesNanos + t.metricsNanos;
	}

	private static Trainer.Timings copy(Trainer.Timings t) {
		Trainer.Timings c = new Trainer.Timings();
		c.steps = t.steps;
		c.stepNanos = t.stepNanos;
		c.sigmaNanos = t.sigmaNanos;
		c.samplesNanos = t.samplesNanos;
		c.sigmaEvents = t.sigmaEvents;
		c.samplesEvents = t.samplesEvents;
		return c;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static int option(String[] args, String name, int fallback) {
		String value = stringOption(args, name);
		return value == null ? fallback : Integer.parseInt(value);
	}

	private static String stringOption(String[] args, String name) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return null;
	}

	/** Feeds the peer the same synthetic batches, prefetched the same way as the trainer's. */
	static String engineVersion() {
		return Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion();
	}
}

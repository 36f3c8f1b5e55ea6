package org.ganworkbench.enginespike;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bytedeco.pytorch.Tensor;
import org.ganworkbench.enginespike.engine.Engine;
import org.ganworkbench.enginespike.engine.Nd4jEngine;
import org.ganworkbench.enginespike.engine.TorchEngine;
import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue #25's spike, libtorch's side: start-up, the DCGAN and SN-GAN templates' G and D steps on
 * libtorch through {@link Engine} (images/s per round), native memory, the same D forward on both engines'
 * implementations of the interface, and the R1 comparison last. releng/engine-spike.sh runs it
 * after the trainer-against-peer benchmark, so one run prints the three engines.
 *
 * <p>Options: {@code --rounds R} (default 7), {@code --steps S} (G steps per round, default 20),
 * {@code --warmup W} (default 5).
 */
public final class EngineSpike {

	private static final long SEED = 1;

	private EngineSpike() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		int rounds = option(args, "--rounds", 7);
		int steps = option(args, "--steps", 20);
		int warmup = option(args, "--warmup", 5);
		if (Arrays.asList(args).contains("--r1-only")) {
			R1Comparison.run(SEED);
			return;
		}
		int threads = Runtime.getRuntime().availableProcessors();

		long start = System.nanoTime();
		TorchEngine torchEngine = new TorchEngine(threads, SEED);
		torchEngine.normal(1);
		double torchStart = (System.nanoTime() - start) / 1e9;
		long rssBefore = residentKb();
		System.out.printf("start-up: libtorch %.1f s (loading its natives)%n", torchStart);

		// ND4J is not started yet: its OpenMP threads beside libtorch's slow libtorch down (measured below)
		double dcgan = train("dcgan", new Dcgan<>(torchEngine), Dcgan.SIZE, 1, rounds, steps, warmup);
		double sngan = train("sngan", new Sngan<>(torchEngine), Sngan.SIZE, 3, rounds, steps, warmup);
		System.out.printf("resident memory after training both: %,d MB (%,d MB more than after libtorch started)%n",
				residentKb() / 1024, (residentKb() - rssBefore) / 1024);

		start = System.nanoTime();
		Nd4jEngine nd4jEngine = new Nd4jEngine(SEED);
		nd4jEngine.normal(1);
		System.out.printf("start-up: ND4J %.1f s more in the same JVM, both on JavaCPP 1.5.13 and OpenBLAS 0.3.31%n",
				(System.nanoTime() - start) / 1e9);
		double beside = train("dcgan beside ND4J", new Dcgan<>(torchEngine), Dcgan.SIZE, 1,
				Math.min(rounds, 3), steps, warmup);
		System.out.printf("libtorch beside ND4J in one JVM: %.0f%% of its speed alone%n", 100 * beside / dcgan);

		agreement(torchEngine, nd4jEngine);
		R1Comparison.run(SEED);
		System.out.printf(Locale.ROOT, "%nlibtorch images/s dcgan=%.1f sngan=%.1f%n", dcgan, sngan);
	}

	/**
	 * Trains a template on the trainer's synthetic shapes (its BatchStream, as the benchmark feeds
	 * both sides) and returns the median images/s of the rounds, counted as the benchmark counts
	 * them: the real images D sees (G steps x D steps x batch).
	 */
	private static double train(String template, SpikeGan<Tensor> net, int size, int channels, int rounds, int steps,
			int warmup) throws Exception {
		try (BatchStream stream = new BatchStream(new SyntheticShapes(size, channels, SEED), net.batch(), SEED, 0)) {
			float[][] pixels = new float[net.dSteps()][];
			int[][] labels = new int[net.dSteps()][];
			double[] rates = new double[rounds];
			for (int r = -1; r < rounds; r++) {
				int count = r < 0 ? warmup : steps;
				long t = System.nanoTime();
				for (int i = 0; i < count; i++) {
					for (int k = 0; k < net.dSteps(); k++) {
						BatchStream.Batch batch = stream.take();
						pixels[k] = batch.pixels();
						labels[k] = batch.labels();
					}
					net.step(pixels, labels);
				}
				if (r >= 0) {
					rates[r] = (double) net.batch() * net.dSteps() * steps / ((System.nanoTime() - t) / 1e9);
					System.out.printf("  libtorch %s round %d: %.1f images/s%n", template, r + 1, rates[r]);
				}
			}
			double[] sorted = rates.clone();
			Arrays.sort(sorted);
			System.out.printf("libtorch %s: median %.1f images/s over %d rounds of %d G steps (batch %d, %d D step(s) per G step)%n",
					template, sorted[rounds / 2], rounds, steps, net.batch(), net.dSteps());
			return sorted[rounds / 2];
		}
	}

	/** D's forward on both engines with libtorch's weights: the interface means the same on each. */
	private static void agreement(TorchEngine torch, Nd4jEngine nd4j) throws InterruptedException {
		Dcgan<Tensor> net = new Dcgan<>(torch);
		Dcgan<INDArray> copy = new Dcgan<>(nd4j);
		for (int i = 0; i < net.d.size(); i++) {
			copy.d.get(i).assign(nd4j.tensor(torch.values(net.d.get(i)), nd4j.shape(copy.d.get(i))));
		}
		float[] images;
		try (BatchStream stream = new BatchStream(new SyntheticShapes(Dcgan.SIZE, 1, SEED), Dcgan.BATCH, SEED, 0)) {
			images = stream.take().pixels();
		}
		float[] a = torch.values(net.discriminate(torch.tensor(images, Dcgan.BATCH, 1, 28, 28)));
		float[] b = nd4j.values(copy.discriminate(nd4j.tensor(images, Dcgan.BATCH, 1, 28, 28)));
		double worst = 0;
		double scale = 0;
		for (int i = 0; i < a.length; i++) {
			worst = Math.max(worst, Math.abs(a[i] - b[i]));
			scale = Math.max(scale, Math.abs(a[i]));
		}
		System.out.printf("the same D forward on ND4J and libtorch through the interface: largest difference %.2e (outputs up to %.2e)%n",
				worst, scale);
	}

	/** The process's resident memory, as JavaCPP (and the trainer's memory budget) reads it. */
	private static long residentKb() {
		return org.bytedeco.javacpp.Pointer.physicalBytes() / 1024;
	}

	private static int option(String[] args, String name, int fallback) {
		List<String> list = new ArrayList<>(Arrays.asList(args));
		int at = list.indexOf(name);
		return at >= 0 && at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : fallback;
	}
}

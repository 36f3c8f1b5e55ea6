package org.ganworkbench.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.ganworkbench.trainer.data.FashionMnist;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.quality.FeatureCache;
import org.ganworkbench.trainer.quality.GeneratedImages;
import org.ganworkbench.trainer.quality.QualityEvaluator;
import org.ganworkbench.trainer.quality.QualityReport;
import org.ganworkbench.trainer.quality.TrainedFeatureNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;

/**
 * Same quality as the peer, not only the same speed: trains the DCGAN recipe on Fashion-MNIST
 * (releng/quality/dcgan-fashion.gan: the template without its noise layer, EMA of G) with the trainer
 * and with the PyTorch peer for the same steps and seeds, samples 5,000 images from each one's EMA
 * generator, and scores both with the trainer's feature network against the same 5,000 real images
 * (FD, KID, precision and recall; docs/quality.md). A gap in FD means a wrong gradient somewhere,
 * whatever the unit tests say. Arguments: MODEL_FILE [STEPS (2000)] [SEEDS (3)]. Last line:
 * {@code quality fd trainer=X peer=Y ratio=Z}.
 */
public final class QualityComparison {

	private static final int SAMPLES = 5000;
	private static final int SIZE = 28;

	private QualityComparison() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		String recipe = Files.readString(Path.of(args[0]));
		int steps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		String text = recipe.replaceAll("(?<![_a-z])steps = \\d+", "steps = " + steps).replaceAll("intervals \\{[^}]*\\}",
				"intervals { samples = 1000000; singular_values = 1000000; metrics = 50; checkpoints = 1000000 }");
		ImageDataset data = FashionMnist.open(FashionMnist.DEBIAN_LOCATION, SIZE, 1);
		TrainedFeatureNet net = new FeatureCache(FeatureCache.defaultDirectory(), FeatureCache.DEFAULT_BUDGET,
				System.out::println).forDataset(data, 0);
		QualityEvaluator evaluator = QualityEvaluator.forDataset(net, data, SAMPLES, 0);
		System.out.printf("DCGAN recipe on Fashion-MNIST, %d steps, batch 64, %d seeds; %d samples from each EMA generator"
				+ " against %d real images%n", steps, seeds, SAMPLES, SAMPLES);
		System.out.println("  seed  side       FD      KID   precision  recall  train s");
		double[] sums = new double[6];
		for (long seed = 1; seed <= seeds; seed++) {
			long start = System.nanoTime();
			QualityReport ours;
			try (TrainerSide trainer = new TrainerSide(text, data, seed)) {
				trainer.train(steps);
				double seconds = (System.nanoTime() - start) / 1e9;
				ours = evaluator.evaluate(GeneratedImages.of(trainer.trainer().emaGenerator(), trainer.model(), SAMPLES, seed));
				print(seed, "trainer", ours, seconds);
			}
			start = System.nanoTime();
			QualityReport theirs;
			Engine.getInstance().setRandomSeed((int) seed);
			try (PeerDcgan peer = new PeerDcgan(SIZE, 1, 64, false, 0.999, 200)) {
				new PeerRunner(peer, data, 64, 1, new Shape(1, SIZE, SIZE), seed).train(steps);
				double seconds = (System.nanoTime() - start) / 1e9;
				float[] images = peer.sample(SAMPLES, seed);
				theirs = evaluator.evaluate(Nd4j.create(images, new long[] { SAMPLES, 1, SIZE, SIZE }, 'c')
						.castTo(DataType.FLOAT));
				print(seed, "peer", theirs, seconds);
			}
			double[] values = { ours.fd(), ours.kid(), ours.recall(), theirs.fd(), theirs.kid(), theirs.recall() };
			for (int i = 0; i < values.length; i++) {
				sums[i] += values[i] / seeds;
			}
		}
		System.out.printf("  mean  trainer  FD %.3f  KID %.5f  recall %.3f%n", sums[0], sums[1], sums[2]);
		System.out.printf("  mean  peer     FD %.3f  KID %.5f  recall %.3f%n", sums[3], sums[4], sums[5]);
		System.out.printf("quality fd trainer=%.3f peer=%.3f ratio=%.3f%n", sums[0], sums[3], sums[0] / sums[3]);
	}

	private static void print(long seed, String side, QualityReport report, double seconds) {
		System.out.printf("  %4d  %-7s %8.3f  %.5f  %9.3f  %6.3f  %7.0f%n", seed, side, report.fd(), report.kid(),
				report.precision(), report.recall(), seconds);
	}
}

package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.quality.DatasetImages;
import org.ganworkbench.trainer.quality.FeatureNetTrainer;
import org.ganworkbench.trainer.quality.Features;
import org.ganworkbench.trainer.quality.FrechetDistance;
import org.ganworkbench.trainer.quality.KernelDistance;
import org.ganworkbench.trainer.quality.Moments;
import org.ganworkbench.trainer.quality.QualityEvaluator;
import org.ganworkbench.trainer.quality.QualityReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sanity checks of FD, KID, precision/recall and coverage on real Fashion-MNIST images. */
class QualityMetricsTest {

	private static final int N = 2000;
	private static final int TROUSERS = 1;
	private static final int SNEAKER = 7;
	private static final int ANKLE_BOOT = 9;

	@Test
	void frechetDistanceOfDiagonalGaussiansHasItsClosedForm() {
		// FD(N(0, diag a), N(m, diag b)) = |m|^2 + sum (sqrt a - sqrt b)^2
		double[] a = { 1, 4, 9 };
		double[] b = { 4, 1, 9 };
		double[] m = { 1, 0, 2 };
		Moments p = new Moments(new double[3], diagonal(a), 100);
		Moments q = new Moments(m, diagonal(b), 100);
		assertEquals(5 + 1 + 1, FrechetDistance.between(p, q), 1e-9);
		assertEquals(0, FrechetDistance.between(p, p), 1e-9);
	}

	@Test
	void featureClassifierIsAccurateOnTheTestSplit() throws Exception {
		QualityFixture f = QualityFixture.get();
		double accuracy = FeatureNetTrainer.accuracy(f.net.net(), f.test, DatasetImages.sample(f.test.size(), N, 3));
		System.out.printf(Locale.ROOT, "feature classifier: %.1f%% on %d Fashion-MNIST test images%n", 100 * accuracy, N);
		assertTrue(accuracy > 0.85, "accuracy " + accuracy);
	}

	@Test
	void fdOfTrainAgainstTestIsFarBelowRealAgainstNoise() throws Exception {
		QualityFixture f = QualityFixture.get();
		QualityEvaluator evaluator = new QualityEvaluator(f.net, images(f.train, N, 1));
		INDArray test = images(f.test, N, 2);
		INDArray noise = Nd4j.rand(test.dataType(), test.shape()).muli(2).subi(1);
		double fdTest = evaluator.evaluate(test).fd();
		double fdNoise = evaluator.evaluate(noise).fd();
		System.out.printf(Locale.ROOT, "FD(train, test) = %.3f, FD(train, uniform noise) = %.3f%n", fdTest, fdNoise);
		assertTrue(fdTest * 20 < fdNoise, fdTest + " vs " + fdNoise);
	}

	@Test
	void fdGrowsMonotonicallyWithBlurAndNoise() throws Exception {
		QualityFixture f = QualityFixture.get();
		QualityEvaluator evaluator = new QualityEvaluator(f.net, images(f.train, N, 1));
		INDArray test = images(f.test, N, 2);
		List<Double> blurred = new ArrayList<>();
		for (int radius = 0; radius <= 3; radius++) {
			blurred.add(evaluator.evaluate(boxBlur(test, radius)).fd());
		}
		List<Double> noised = new ArrayList<>();
		for (double sigma : new double[] { 0, 0.1, 0.25, 0.5, 1 }) {
			noised.add(evaluator.evaluate(gaussianNoise(test, sigma, 7)).fd());
		}
		System.out.println("FD with box blur of radius 0..3: " + blurred);
		System.out.println("FD with Gaussian noise sigma 0, 0.1, 0.25, 0.5, 1: " + noised);
		assertIncreasing(blurred);
		assertIncreasing(noised);
	}

	@Test
	void kidIsUnbiasedOnTwoSamplesOfOneSet() throws Exception {
		QualityFixture f = QualityFixture.get();
		// 40 pairs of disjoint samples of the training set: the estimates scatter around 0. Under the
		// null hypothesis their distribution is skewed, so it takes many pairs to see the mean.
		int pairs = 40;
		int size = 250;
		Features all = f.net.net().features(images(f.train, 2 * pairs * size, 11));
		double sum = 0;
		double sumSquares = 0;
		for (int p = 0; p < pairs; p++) {
			double kid = KernelDistance.between(all.rows(2 * p * size, (2 * p + 1) * size),
					all.rows((2 * p + 1) * size, (2 * p + 2) * size)).value();
			sum += kid;
			sumSquares += kid * kid;
		}
		double mean = sum / pairs;
		double se = Math.sqrt((sumSquares / pairs - mean * mean) * pairs / (pairs - 1) / pairs);
		Features real = f.net.net().features(images(f.test, 1000, 1));
		Features blurred = f.net.net().features(boxBlur(images(f.test, 1000, 2), 1));
		KernelDistance.Estimate shifted = KernelDistance.between(real, blurred);
		System.out.printf(Locale.ROOT, "KID of one set against itself: mean %.5f, se %.5f over %d pairs of %d; "
				+ "KID(real, blurred r=1) = %.5f +- %.5f%n", mean, se, pairs, size, shifted.value(),
				shifted.standardError());
		assertTrue(Math.abs(mean) < 3 * se, "mean " + mean + " se " + se);
		assertTrue(shifted.value() > 3 * shifted.standardError() && shifted.value() > 5 * se);
	}

	@Test
	void singleClassGeneratorLosesRecallAndCoverageAndNamesTheNineDroppedClasses() throws Exception {
		QualityFixture f = QualityFixture.get();
		QualityEvaluator evaluator = new QualityEvaluator(f.net, images(f.test, N, 2));
		QualityReport real = evaluator.evaluate(images(f.train, N, 1));
		assertTrue(real.recall() > 0.7, "recall of real images " + real.recall());
		assertTrue(real.knnCoverage() > 0.7, "k-NN coverage of real images " + real.knnCoverage());
		assertTrue(real.coverage().dropped().isEmpty(), real.coverage().message());
		System.out.printf(Locale.ROOT, "real images: precision %.3f recall %.3f k-NN coverage %.3f FD %.2f%n",
				real.precision(), real.recall(), real.knnCoverage(), real.fd());
		QualityReport trousers = null;
		for (int kept : new int[] { TROUSERS, SNEAKER, ANKLE_BOOT }) {
			// a "generator" that only ever emits one class: training images of that class
			INDArray generated = DatasetImages.of(f.train, ofClass(f.train, kept, true, N));
			QualityReport single = evaluator.evaluate(generated);
			// the same generator against real images of the nine other classes only
			QualityReport dropped = new QualityEvaluator(f.net, DatasetImages.of(f.test, ofClass(f.test, kept, false, N)))
					.evaluate(generated);
			System.out.printf(Locale.ROOT, "only %s: precision %.3f recall %.3f k-NN coverage %.3f FD %.1f; recall of "
					+ "the other nine classes %.3f; %s%n", f.train.classNames().get(kept), single.precision(), single.recall(),
					single.knnCoverage(), single.fd(), dropped.recall(), single.coverage().message());
			// The kept class is a tenth of the real images and its real images are reached: both k-NN
			// measures have that floor. Of the other nine classes almost nothing is reached.
			assertTrue(single.recall() < 0.2, "recall " + single.recall());
			assertTrue(single.knnCoverage() < 0.2, "k-NN coverage " + single.knnCoverage());
			assertTrue(dropped.recall() < 0.1, "recall of the dropped classes " + dropped.recall());
			assertTrue(single.precision() > 0.5, "real images of one class: precision " + single.precision());
			if (kept == TROUSERS) {
				trousers = single;
			}
		}
		assertEquals(List.of("T-shirt/top", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
				"Ankle boot"), trousers.coverage().dropped());
		assertTrue(trousers.coverage().message().contains("'Sandal'"), trousers.coverage().message());
	}

	/** {@code n} images of the class, or of every other class, in a seeded order. */
	private static int[] ofClass(ImageDataset data, int label, boolean of, int n) {
		int[] order = DatasetImages.sample(data.size(), data.size(), 5);
		int[] chosen = new int[n];
		int k = 0;
		for (int i = 0; i < order.length && k < n; i++) {
			if (data.label(order[i]) == label == of) {
				chosen[k++] = order[i];
			}
		}
		return java.util.Arrays.copyOf(chosen, k);
	}

	private static INDArray images(ImageDataset data, int n, long seed) {
		return DatasetImages.of(data, DatasetImages.sample(data.size(), n, seed));
	}

	private static double[][] diagonal(double[] values) {
		double[][] m = new double[values.length][values.length];
		for (int i = 0; i < values.length; i++) {
			m[i][i] = values[i];
		}
		return m;
	}

	private static void assertIncreasing(List<Double> values) {
		for (int i = 1; i < values.size(); i++) {
			assertTrue(values.get(i) > values.get(i - 1), "not increasing: " + values);
		}
	}

	/** A (2r+1)x(2r+1) mean filter, clamped at the borders. */
	private static INDArray boxBlur(INDArray images, int radius) {
		if (radius == 0) {
			return images.dup();
		}
		long n = images.size(0);
		int h = (int) images.size(2);
		int w = (int) images.size(3);
		float[] in = images.dup('c').data().asFloat();
		float[] out = new float[in.length];
		for (long i = 0; i < n; i++) {
			int base = (int) (i * h * w);
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					float sum = 0;
					int count = 0;
					for (int dy = -radius; dy <= radius; dy++) {
						for (int dx = -radius; dx <= radius; dx++) {
							int yy = Math.min(h - 1, Math.max(0, y + dy));
							int xx = Math.min(w - 1, Math.max(0, x + dx));
							sum += in[base + yy * w + xx];
							count++;
						}
					}
					out[base + y * w + x] = sum / count;
				}
			}
		}
		return Nd4j.create(out, images.shape(), 'c');
	}

	private static INDArray gaussianNoise(INDArray images, double sigma, long seed) {
		float[] values = images.dup('c').data().asFloat();
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < values.length; i++) {
			double u = 1 - random.nextDouble();
			double gauss = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
			values[i] = (float) Math.max(-1, Math.min(1, values[i] + sigma * gauss));
		}
		return Nd4j.create(values, images.shape(), 'c');
	}
}

package org.ganworkbench.trainer.quality;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.train.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains a {@link FeatureNet} on a dataset with Adam: softmax cross-entropy on labelled data, mean
 * squared reconstruction error on unlabelled data. Every tenth image is held out; the classifier's
 * accuracy on them is its test accuracy (the autoencoder reports its held-out error instead). The
 * training ends when the budget is spent or when an epoch no longer improves the held-out figure;
 * a stop request ends it between two steps with a {@link CancellationException}.
 */
public final class FeatureNetTrainer {

	/** What the training reached: test accuracy (classifier) or test MSE (autoencoder), and its cost. */
	public record Result(double testAccuracy, double testError, int testImages, long imagesSeen, double seconds) {
	}

	private static final int BATCH = 128;
	private static final double LR = 2e-3;
	private static final int HOLD_OUT_EVERY = 10;
	/** Held-out accuracy that ends the training at once (synthetic shapes reach it in an epoch). */
	private static final double PERFECT = 0.999;
	/** Epochs in a row without a gain before the training ends early. */
	private static final int PATIENCE = 2;

	private final Consumer<String> log;
	private final long budget;
	private final BooleanSupplier stopRequested;

	/**
	 * @param budget the most images to train on (epochs x training images)
	 * @param stopRequested asked before every step
	 */
	public FeatureNetTrainer(long budget, Consumer<String> log, BooleanSupplier stopRequested) {
		this.budget = budget;
		this.log = log;
		this.stopRequested = stopRequested;
	}

	public Result train(FeatureNet net, ImageDataset data, long seed) {
		long start = System.nanoTime();
		boolean classifier = net.kind() == FeatureNet.Kind.CLASSIFIER;
		int[] trainIndices = split(data.size(), false);
		int[] testIndices = split(data.size(), true);
		// Adam's usual betas, not the GAN default beta1 = 0
		Optimizer adam = new Optimizer(OptimizerKind.ADAM, LR, 0.9, 0.999, 1e-8, net.params());
		long steps = Math.max(1, budget / BATCH);
		int[] order = BatchStream.permutation(trainIndices.length, seed);
		int position = 0;
		int epoch = 0;
		double best = Double.NaN;
		int flatEpochs = 0;
		/** The held-out figure that ended the training early, if one did. */
		double lastFigure = Double.NaN;
		double recentLoss = Double.NaN;
		long reportEvery = Math.max(1, steps / 10);
		long step = 0;
		for (; step < steps; step++) {
			if (stopRequested.getAsBoolean()) {
				throw new CancellationException("feature net: training stopped at " + step * 100 / steps + "%");
			}
			if (position + BATCH > order.length) {
				// an epoch ended: easy data (synthetic shapes) is learnt long before the budget is spent
				double figure = heldOut(net, data, testIndices);
				if (classifier && figure >= PERFECT) {
					log.accept(String.format(Locale.ROOT, "feature net: held-out accuracy %.4f after epoch %d: nothing "
							+ "left to learn", figure, epoch + 1));
					lastFigure = figure;
					break;
				}
				if (Double.isNaN(best) || improves(net.kind(), figure, best)) {
					best = figure;
					flatEpochs = 0;
				} else if (++flatEpochs == PATIENCE) {
					log.accept(String.format(Locale.ROOT, "feature net: held-out %s %.4f after epoch %d, no better than "
							+ "%.4f two epochs before: done", classifier ? "accuracy" : "error", figure, epoch + 1, best));
					lastFigure = figure;
					break;
				}
				epoch++;
				order = BatchStream.permutation(trainIndices.length, seed + epoch);
				position = 0;
			}
			int[] batch = new int[Math.min(BATCH, order.length)];
			for (int i = 0; i < batch.length; i++) {
				batch[i] = trainIndices[order[position + i]];
			}
			position += batch.length;
			double loss = step(net, adam, data, batch);
			recentLoss = Double.isNaN(recentLoss) ? loss : 0.95 * recentLoss + 0.05 * loss;
			if ((step + 1) % reportEvery == 0 || step + 1 == steps) {
				log.accept(String.format(Locale.ROOT, "feature net: %3d%%  %s %.4f  %.0f s", (step + 1) * 100 / steps,
						classifier ? "cross-entropy" : "mse", recentLoss,
						(System.nanoTime() - start) / 1e9));
			}
		}
		double figure = Double.isNaN(lastFigure) ? heldOut(net, data, testIndices) : lastFigure;
		return new Result(classifier ? figure : Double.NaN, classifier ? Double.NaN : figure, testIndices.length,
				step * BATCH, (System.nanoTime() - start) / 1e9);
	}

	/** Held-out accuracy (classifier) or mean squared reconstruction error (autoencoder). */
	private static double heldOut(FeatureNet net, ImageDataset data, int[] testIndices) {
		return net.kind() == FeatureNet.Kind.CLASSIFIER ? accuracy(net, data, testIndices)
				: reconstructionError(net, data, testIndices);
	}

	/** Another epoch is worth it while it gains a tenth of a point of accuracy, or 1% of the error. */
	private static boolean improves(FeatureNet.Kind kind, double figure, double best) {
		return kind == FeatureNet.Kind.CLASSIFIER ? figure >= best + 0.001 : figure <= 0.99 * best;
	}

	private static double step(FeatureNet net, Optimizer adam, ImageDataset data, int[] batch) {
		INDArray images = DatasetImages.of(data, batch);
		adam.zeroGrad();
		Pass pass = Pass.train();
		INDArray features = net.encoder().forward(images, pass);
		INDArray output = net.head().forward(features, pass);
		double loss;
		INDArray grad;
		if (net.kind() == FeatureNet.Kind.CLASSIFIER) {
			INDArray probabilities = softmax(output);
			INDArray target = oneHot(DatasetImages.labels(data, batch), net.classes());
			loss = -Transforms.log(probabilities.add(1e-12), false).muli(target).sumNumber().doubleValue() / batch.length;
			grad = probabilities.sub(target).divi(batch.length);
		} else {
			INDArray diff = output.sub(images);
			loss = diff.mul(diff).meanNumber().doubleValue();
			grad = diff.muli(2.0 / diff.length());
		}
		INDArray gradFeatures = net.head().backward1(grad, pass);
		net.encoder().backward1(gradFeatures, pass);
		adam.step();
		return loss;
	}

	static INDArray softmax(INDArray logits) {
		INDArray shifted = logits.subColumnVector(logits.max(1).reshape(logits.size(0), 1));
		INDArray e = Transforms.exp(shifted, false);
		return e.diviColumnVector(e.sum(1).reshape(e.size(0), 1));
	}

	private static INDArray oneHot(int[] labels, int classes) {
		INDArray target = Nd4j.zeros(DataType.FLOAT, labels.length, classes);
		for (int i = 0; i < labels.length; i++) {
			target.putScalar(i, labels[i], 1);
		}
		return target;
	}

	/** Accuracy of the classifier on the given images of a dataset. */
	public static double accuracy(FeatureNet net, ImageDataset data, int[] indices) {
		int correct = 0;
		for (int from = 0; from < indices.length; from += 1000) {
			int[] chunk = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + 1000));
			int[] predicted = net.classify(DatasetImages.of(data, chunk));
			for (int i = 0; i < chunk.length; i++) {
				if (predicted[i] == data.label(chunk[i])) {
					correct++;
				}
			}
		}
		return correct / (double) indices.length;
	}

	private static double reconstructionError(FeatureNet net, ImageDataset data, int[] indices) {
		double sum = 0;
		for (int from = 0; from < indices.length; from += 500) {
			int[] chunk = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + 500));
			INDArray images = DatasetImages.of(data, chunk);
			Pass pass = Pass.inference();
			INDArray output = net.head().forward(net.encoder().forward(images, pass), pass);
			INDArray diff = output.sub(images);
			sum += diff.mul(diff).sumNumber().doubleValue();
		}
		return sum / ((double) indices.length * data.channels() * data.height() * data.width());
	}

	/** Every tenth image is a test image. */
	static int[] split(int size, boolean test) {
		int testCount = (size + HOLD_OUT_EVERY - 1) / HOLD_OUT_EVERY;
		int[] out = new int[test ? testCount : size - testCount];
		int k = 0;
		for (int i = 0; i < size; i++) {
			if (i % HOLD_OUT_EVERY == 0 == test) {
				out[k++] = i;
			}
		}
		return out;
	}
}

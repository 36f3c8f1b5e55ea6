package org.ganworkbench.trainer.train;

import java.util.List;

import org.ganworkbench.model.AugmentKind;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DiffAugment (Zhao et al. 2020): colour (brightness, saturation, contrast), translation by up to 1/8
 * of the size with zero fill, and cutout of a half-size square, each applied to a sample with
 * probability p. For fixed random draws every transform is linear in the image, so the gradient
 * flows back to G through {@link Plan#backward}.
 */
public final class DiffAugment {

	private final List<AugmentKind> policy;

	public DiffAugment(List<AugmentKind> policy) {
		this.policy = List.copyOf(policy);
	}

	public boolean isEnabled() {
		return !policy.isEmpty();
	}

	/** Draws the random parameters for a batch. */
	public Plan plan(long[] shape, double p, Rng rng) {
		int n = (int) shape[0];
		Plan plan = new Plan((int) shape[1], (int) shape[2], (int) shape[3], n);
		for (int i = 0; i < n; i++) {
			if (policy.contains(AugmentKind.COLOR)) {
				plan.brightness[i] = rng.nextDouble() < p ? rng.nextDouble() - 0.5 : 0;
				plan.saturation[i] = rng.nextDouble() < p ? rng.nextDouble() * 2 : 1;
				plan.contrast[i] = rng.nextDouble() < p ? rng.nextDouble() + 0.5 : 1;
			}
			if (policy.contains(AugmentKind.TRANSLATION) && rng.nextDouble() < p) {
				int maxY = Math.max(1, plan.height / 8);
				int maxX = Math.max(1, plan.width / 8);
				plan.shiftY[i] = rng.nextInt(2 * maxY + 1) - maxY;
				plan.shiftX[i] = rng.nextInt(2 * maxX + 1) - maxX;
			}
			if (policy.contains(AugmentKind.CUTOUT) && rng.nextDouble() < p) {
				plan.cutSize[i] = Math.max(1, plan.height / 2);
				plan.cutY[i] = rng.nextInt(plan.height) - plan.cutSize[i] / 2;
				plan.cutX[i] = rng.nextInt(plan.width) - plan.cutSize[i] / 2;
			}
		}
		return plan;
	}

	/** The random draws for one batch; forward and backward are exact transposes of each other. */
	public static final class Plan {
		private final int channels;
		private final int height;
		private final int width;
		final double[] brightness;
		final double[] saturation;
		final double[] contrast;
		final int[] shiftX;
		final int[] shiftY;
		final int[] cutX;
		final int[] cutY;
		final int[] cutSize;

		Plan(int channels, int height, int width, int n) {
			this.channels = channels;
			this.height = height;
			this.width = width;
			brightness = new double[n];
			saturation = new double[n];
			contrast = new double[n];
			java.util.Arrays.fill(saturation, 1);
			java.util.Arrays.fill(contrast, 1);
			shiftX = new int[n];
			shiftY = new int[n];
			cutX = new int[n];
			cutY = new int[n];
			cutSize = new int[n];
		}

		public INDArray forward(INDArray images) {
			double[] x = images.dup('c').castTo(DataType.DOUBLE).data().asDouble();
			int sample = channels * height * width;
			for (int i = 0; i < brightness.length; i++) {
				int o = i * sample;
				add(x, o, sample, brightness[i]);
				if (channels > 1) {
					mixWithChannelMean(x, o, saturation[i]);
				}
				mixWithMean(x, o, sample, contrast[i]);
				translate(x, o, shiftY[i], shiftX[i]);
				cut(x, o, i);
			}
			return Nd4j.create(x, images.shape(), 'c').castTo(images.dataType());
		}

		/** dL/dInput from dL/dOutput: the transposed operations in reverse order. */
		public INDArray backward(INDArray grad) {
			double[] g = grad.dup('c').castTo(DataType.DOUBLE).data().asDouble();
			int sample = channels * height * width;
			for (int i = 0; i < brightness.length; i++) {
				int o = i * sample;
				cut(g, o, i);
				translate(g, o, -shiftY[i], -shiftX[i]);
				mixWithMean(g, o, sample, contrast[i]);
				if (channels > 1) {
					mixWithChannelMean(g, o, saturation[i]);
				}
				// brightness adds a constant: its transpose passes the gradient through
			}
			return Nd4j.create(g, grad.shape(), 'c').castTo(grad.dataType());
		}

		private static void add(double[] x, int o, int length, double value) {
			for (int k = 0; k < length; k++) {
				x[o + k] += value;
			}
		}

		/** y = s x + (1 - s) mean(x): symmetric, so it is its own transpose. */
		private static void mixWithMean(double[] x, int o, int length, double s) {
			if (s == 1) {
				return;
			}
			double mean = 0;
			for (int k = 0; k < length; k++) {
				mean += x[o + k];
			}
			mean /= length;
			for (int k = 0; k < length; k++) {
				x[o + k] = s * x[o + k] + (1 - s) * mean;
			}
		}

		/** Saturation: per pixel, y_c = s x_c + (1 - s) mean_c(x); symmetric too. */
		private void mixWithChannelMean(double[] x, int o, double s) {
			if (s == 1) {
				return;
			}
			int plane = height * width;
			for (int p = 0; p < plane; p++) {
				double mean = 0;
				for (int c = 0; c < channels; c++) {
					mean += x[o + c * plane + p];
				}
				mean /= channels;
				for (int c = 0; c < channels; c++) {
					x[o + c * plane + p] = s * x[o + c * plane + p] + (1 - s) * mean;
				}
			}
		}

		/** y[h][w] = x[h - dy][w - dx], zero outside; the transpose is the opposite shift. */
		private void translate(double[] x, int o, int dy, int dx) {
			if (dy == 0 && dx == 0) {
				return;
			}
			int plane = height * width;
			double[] copy = new double[plane];
			for (int c = 0; c < channels; c++) {
				int base = o + c * plane;
				System.arraycopy(x, base, copy, 0, plane);
				for (int h = 0; h < height; h++) {
					for (int w = 0; w < width; w++) {
						int sh = h - dy;
						int sw = w - dx;
						x[base + h * width + w] = sh >= 0 && sh < height && sw >= 0 && sw < width ? copy[sh * width + sw] : 0;
					}
				}
			}
		}

		/** Zeroes a square: a diagonal mask, its own transpose. */
		private void cut(double[] x, int o, int i) {
			if (cutSize[i] == 0) {
				return;
			}
			int plane = height * width;
			for (int c = 0; c < channels; c++) {
				for (int h = Math.max(0, cutY[i]); h < Math.min(height, cutY[i] + cutSize[i]); h++) {
					for (int w = Math.max(0, cutX[i]); w < Math.min(width, cutX[i] + cutSize[i]); w++) {
						x[o + c * plane + h * width + w] = 0;
					}
				}
			}
		}
	}
}

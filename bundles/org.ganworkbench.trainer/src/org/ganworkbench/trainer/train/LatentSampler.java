package org.ganworkbench.trainer.train;

import org.ganworkbench.model.LatentSpec;
import org.ganworkbench.model.PriorKind;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws latents z from the model's prior. The truncation trick (BigGAN): with a threshold t > 0,
 * normal values with |z| > t are drawn again until they fall inside; t = 0 means no truncation.
 */
public final class LatentSampler {

	private final PriorKind prior;
	private final int size;
	private final double p;

	public LatentSampler(LatentSpec spec) {
		this.prior = spec.prior();
		this.size = spec.size();
		this.p = spec.probability();
	}

	public int size() {
		return size;
	}

	public INDArray sample(int n, double truncation, Rng rng, DataType type) {
		double[] z = new double[n * size];
		for (int i = 0; i < z.length; i++) {
			z[i] = value(i % size, truncation, rng);
		}
		return Nd4j.create(z, new long[] { n, size }, 'c').castTo(type);
	}

	private double value(int unit, double truncation, Rng rng) {
		return switch (prior) {
		case NORMAL -> normal(truncation, rng);
		case UNIFORM -> rng.nextDouble() * 2 - 1;
		case BERNOULLI -> rng.nextDouble() < p ? 1 : 0;
		case BERNOULLI_PM1 -> rng.nextDouble() < p ? 1 : -1;
		case CENSORED_NORMAL -> Math.max(0, normal(truncation, rng));
		case NORMAL_BERNOULLI -> unit < size / 2 ? normal(truncation, rng) : rng.nextDouble() < p ? 1 : 0;
		case THREE_BERNOULLI -> (rng.nextDouble() < p ? 1 : 0) - (rng.nextDouble() < p ? 1 : 0);
		};
	}

	private static double normal(double truncation, Rng rng) {
		double v = rng.nextGaussian();
		while (truncation > 0 && Math.abs(v) > truncation) {
			v = rng.nextGaussian();
		}
		return v;
	}
}

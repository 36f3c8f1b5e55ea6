package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded random generator (SplitMix64) whose whole state is one long, so that a checkpoint can
 * store it and a resumed run draws exactly the numbers the uninterrupted one would have drawn.
 * All randomness of training (latents, initial weights, augmentation, R1 directions) comes from these.
 */
public final class Rng {

	private long state;

	public Rng(long seed) {
		this.state = seed;
	}

	public long state() {
		return state;
	}

	public void setState(long value) {
		state = value;
	}

	/** An independent generator derived from this one's seed and a purpose name. */
	public static Rng derived(long seed, String purpose) {
		return new Rng(seed * 0x9E3779B97F4A7C15L ^ purpose.hashCode() * 0xC2B2AE3D27D4EB4FL);
	}

	public long nextLong() {
		long z = state += 0x9E3779B97F4A7C15L;
		z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
		z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
		return z ^ z >>> 31;
	}

	/** Uniform in [0, 1). */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	public int nextInt(int bound) {
		return (int) ((nextLong() >>> 33) % bound);
	}

	/** Standard normal (Box-Muller; one value per call keeps the state a single long). */
	public double nextGaussian() {
		double u = 1 - nextDouble();
		double v = nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	public INDArray gaussian(DataType type, long... shape) {
		long length = 1;
		for (long d : shape) {
			length *= d;
		}
		if (type == DataType.FLOAT) {
			// the common case (noise layers, every step): no double array and no cast
			float[] values = new float[(int) length];
			for (int i = 0; i < values.length; i += 2) {
				gaussianPair(values, i);
			}
			return Nd4j.create(values, shape, 'c');
		}
		double[] values = new double[(int) length];
		for (int i = 0; i < values.length; i++) {
			values[i] = nextGaussian();
		}
		return Nd4j.create(values, shape, 'c').castTo(type);
	}

	/** Both values of one Box-Muller draw (half the log/sqrt work per value); the last may be cut off. */
	private void gaussianPair(float[] target, int index) {
		double u = 1 - nextDouble();
		double v = nextDouble();
		double r = Math.sqrt(-2 * Math.log(u));
		double angle = 2 * Math.PI * v;
		target[index] = (float) (r * Math.cos(angle));
		if (index + 1 < target.length) {
			target[index + 1] = (float) (r * Math.sin(angle));
		}
	}

	public INDArray uniform(DataType type, double low, double high, long... shape) {
		long length = 1;
		for (long d : shape) {
			length *= d;
		}
		double[] values = new double[(int) length];
		for (int i = 0; i < values.length; i++) {
			values[i] = low + (high - low) * nextDouble();
		}
		return Nd4j.create(values, shape, 'c').castTo(type);
	}
}

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
			// The common case (noise layers, every step): the ziggurat on every core, 3x libnd4j's
			// Gaussian kernel here. Seeded with one draw of this generator, so the state stays one
			// long and a resumed run still draws what the uninterrupted one would have drawn.
			INDArray values = Nd4j.createUninitialized(DataType.FLOAT, shape);
			Ziggurat.fill(values.data().asNioFloat(), nextLong());
			return values;
		}
		double[] values = new double[(int) length];
		for (int i = 0; i < values.length; i++) {
			values[i] = nextGaussian();
		}
		return Nd4j.create(values, shape, 'c').castTo(type);
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

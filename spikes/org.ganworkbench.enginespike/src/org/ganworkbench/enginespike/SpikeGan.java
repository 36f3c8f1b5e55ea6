package org.ganworkbench.enginespike;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ganworkbench.enginespike.engine.Engine;

/** A template's two networks on an engine: their parameters in the trainer's order and one training step. */
abstract class SpikeGan<T> {

	protected final Engine<T> e;
	protected final List<T> g = new ArrayList<>();
	protected final List<T> d = new ArrayList<>();
	private final Random random = new Random(7);

	SpikeGan(Engine<T> engine) {
		this.e = engine;
	}

	/** A trained tensor of G or D. */
	protected T weight(List<T> net, long... shape) {
		return add(net, e.parameter(0.02, 0, shape));
	}

	protected T filled(List<T> net, double value, long... shape) {
		return add(net, e.parameter(0, value, shape));
	}

	private T add(List<T> net, T t) {
		net.add(t);
		return t;
	}

	/** A unit vector, not trained (spectral norm's u). */
	protected T unitVector(long length) {
		float[] values = new float[(int) length];
		double norm = 0;
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) random.nextGaussian();
			norm += values[i] * values[i];
		}
		for (int i = 0; i < values.length; i++) {
			values[i] /= (float) Math.sqrt(norm);
		}
		return e.tensor(values, length, 1);
	}

	/** Classes for a generated batch. */
	protected int[] randomLabels(int n, int classes) {
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			out[i] = random.nextInt(classes);
		}
		return out;
	}

		protected T oneHot(int[] labels, int classes) {
		float[] values = new float[labels.length * classes];
		for (int i = 0; i < labels.length; i++) {
			values[i * classes + labels[i]] = 1;
		}
		return e.tensor(values, labels.length, classes);
	}

	abstract int batch();

	abstract int dSteps();

	abstract int classes();

	/** One G step with its D steps: {@code pixels[k]} and {@code labels[k]} are the k-th D step's real batch. */
	abstract void step(float[][] pixels, int[][] labels) throws Exception;
}

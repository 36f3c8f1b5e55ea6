package org.ganworkbench.ui.internal.views.history;

/**
 * Values over training steps, in step order. The arrays are never changed once a series is made:
 * views may share them between threads.
 */
public record Series(double[] x, double[] y) {

	public static final Series EMPTY = new Series(new double[0], new double[0]);

	public int size() {
		return x.length;
	}

	public double lastY() {
		return y.length == 0 ? Double.NaN : y[y.length - 1];
	}

	/**
	 * An exponential moving average that skips values that are not finite, as TensorBoard's
	 * smoothing does; 0 leaves the series as it is, values near 1 smooth strongly.
	 */
	public Series smoothed(double weight) {
		if (weight <= 0 || y.length == 0) {
			return this;
		}
		double[] out = new double[y.length];
		double average = 0;
		double norm = 0;
		for (int i = 0; i < y.length; i++) {
			if (!Double.isFinite(y[i])) {
				out[i] = y[i];
				continue;
			}
			average = weight * average + (1 - weight) * y[i];
			norm = weight * norm + (1 - weight);
			out[i] = average / norm;
		}
		return new Series(x, out);
	}
}

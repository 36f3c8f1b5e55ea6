package org.ganworkbench.ui.internal.views.history;

/**
 * Values over training steps, in step order: the first {@code size} entries of the arrays. Those are
 * never changed once a series is made, so views may share them between threads; the arrays may be
 * longer, as the run history appends to the same arrays for the next series (a live run thus costs
 * no copy of its history per batch of events).
 */
public record Series(double[] x, double[] y, int size) {

	public static final Series EMPTY = new Series(new double[0], new double[0]);

	public Series {
		if (size < 0 || size > x.length || size > y.length) {
			throw new IllegalArgumentException("size " + size); //$NON-NLS-1$
		}
	}

	/** A series of all the values of the arrays. */
	public Series(double[] x, double[] y) {
		this(x, y, Math.min(x.length, y.length));
	}

	public double lastY() {
		return size == 0 ? Double.NaN : y[size - 1];
	}

	/**
	 * An exponential moving average that skips values that are not finite, as TensorBoard's
	 * smoothing does; 0 leaves the series as it is, values near 1 smooth strongly.
	 */
	public Series smoothed(double weight) {
		if (weight <= 0 || size == 0) {
			return this;
		}
		double[] out = new double[size];
		double average = 0;
		double norm = 0;
		for (int i = 0; i < size; i++) {
			if (!Double.isFinite(y[i])) {
				out[i] = y[i];
				continue;
			}
			average = weight * average + (1 - weight) * y[i];
			norm = weight * norm + (1 - weight);
			out[i] = average / norm;
		}
		return new Series(x, out, size);
	}
}

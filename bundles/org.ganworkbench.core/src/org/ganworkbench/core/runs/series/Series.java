package org.ganworkbench.core.runs.series;

import java.util.Arrays;

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

	/**
	 * The points that show this series at a resolution of {@code buckets} steps along x: the series
	 * itself when it is short, else of each bucket of consecutive points its first, lowest, highest
	 * and last finite point, in step order, and a NaN where the bucket held a value that is not finite
	 * (a gap in the line). Spikes and gaps stay visible while a chart of a long run draws and searches
	 * a few thousand points instead of millions.
	 */
	public Series outline(int buckets) {
		if (size <= 4 * buckets) {
			return this;
		}
		double[] outX = new double[5 * buckets];
		double[] outY = new double[5 * buckets];
		int[] picked = new int[5];
		int n = 0;
		for (int b = 0; b < buckets; b++) {
			int start = (int) ((long) size * b / buckets);
			int end = (int) ((long) size * (b + 1) / buckets);
			int first = -1;
			int last = -1;
			int lowest = -1;
			int highest = -1;
			int gap = -1;
			for (int i = start; i < end; i++) {
				if (!Double.isFinite(y[i])) {
					gap = gap < 0 ? i : gap;
					continue;
				}
				first = first < 0 ? i : first;
				last = i;
				lowest = lowest < 0 || y[i] < y[lowest] ? i : lowest;
				highest = highest < 0 || y[i] > y[highest] ? i : highest;
			}
			int count = 0;
			for (int i : new int[] { first, lowest, highest, last, gap }) {
				if (i >= 0) {
					picked[count++] = i;
				}
			}
			Arrays.sort(picked, 0, count);
			for (int k = 0; k < count; k++) {
				if (k > 0 && picked[k] == picked[k - 1]) {
					continue;
				}
				outX[n] = x[picked[k]];
				outY[n] = y[picked[k]];
				n++;
			}
		}
		return new Series(outX, outY, n);
	}
}

package org.ganworkbench.trainer.api.debug;

import java.util.Arrays;
import java.util.Locale;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the debugger shows of an ND4J array: shape, data type, order, and, computed here in the
 * debugged trainer, min / max / mean / standard deviation of the finite values, the counts of NaN and
 * infinite values, and the first values. The IDE's Variables view evaluates {@link #of(INDArray)} in the
 * suspended trainer (the GAN Workbench's Java logical structure for INDArray), so a tensor of any size
 * reaches the IDE as these few numbers, never whole.
 */
public record TensorSummary(String shape, String dataType, char order, long length, double min, double max,
		double mean, double std, long nanCount, long infiniteCount, String first) {

	/** Values shown in {@link #first}. */
	public static final int FIRST = 8;

	/** One pass over the array's values in C order; null for null. */
	public static TensorSummary of(INDArray array) {
		if (array == null) {
			return null;
		}
		long length = array.length();
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		double sum = 0;
		double sumOfSquares = 0;
		long finite = 0;
		long nan = 0;
		long infinite = 0;
		double[] values = length == 0 ? new double[0] : array.ravel().toDoubleVector();
		for (double v : values) {
			if (Double.isNaN(v)) {
				nan++;
			} else if (Double.isInfinite(v)) {
				infinite++;
			} else {
				finite++;
				min = Math.min(min, v);
				max = Math.max(max, v);
				sum += v;
				sumOfSquares += v * v;
			}
		}
		double mean = finite == 0 ? Double.NaN : sum / finite;
		double std = finite == 0 ? Double.NaN : Math.sqrt(Math.max(0, sumOfSquares / finite - mean * mean));
		StringBuilder first = new StringBuilder("[");
		for (int i = 0; i < Math.min(FIRST, values.length); i++) {
			first.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", values[i]));
		}
		first.append(values.length > FIRST ? ", ...]" : "]");
		return new TensorSummary(Arrays.toString(array.shape()), array.dataType().toString(), array.ordering(), length,
				finite == 0 ? Double.NaN : min, finite == 0 ? Double.NaN : max, mean, std, nan, infinite, first.toString());
	}

	/** "FLOAT [64, 64, 14, 14] c: min -1.2 max 3.4 mean 0.012 std 0.98; NaN 0, Inf 0; first [...]" */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s %s %c: min %.4g max %.4g mean %.4g std %.4g; NaN %d, Inf %d; first %s",
				dataType, shape, order, min, max, mean, std, nanCount, infiniteCount, first);
	}
}

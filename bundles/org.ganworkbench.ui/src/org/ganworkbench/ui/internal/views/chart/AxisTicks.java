package org.ganworkbench.ui.internal.views.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Tick positions at round numbers, and short labels for them. */
final class AxisTicks {

	private AxisTicks() {
	}

	/** Multiples of 1, 2 or 5 times a power of ten inside [min, max], at most about {@code count}. */
	static double[] linear(double min, double max, int count) {
		if (!(max > min) || count < 1) {
			return new double[] { min };
		}
		double rough = (max - min) / count;
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double residual = rough / magnitude;
		double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
		double first = Math.ceil(min / step) * step;
		int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
		double[] ticks = new double[Math.max(0, n)];
		for (int i = 0; i < ticks.length; i++) {
			ticks[i] = first + i * step;
		}
		return ticks;
	}

	/**
	 * Ticks of a log axis, as exponents of ten: whole decades when the range spans at least two,
	 * else round values of the data.
	 */
	static double[] logarithmic(double minExponent, double maxExponent, int count) {
		double first = Math.ceil(minExponent);
		double last = Math.floor(maxExponent);
		if (last - first < 1) {
			// Less than two decades: round values, placed where they fall on the log axis.
			double[] values = linear(Math.pow(10, minExponent), Math.pow(10, maxExponent), count);
			return java.util.Arrays.stream(values).filter(v -> v > 0).map(Math::log10).toArray();
		}
		int stride = (int) Math.max(1, Math.ceil((last - first + 1) / Math.max(1, count)));
		int n = (int) ((last - first) / stride) + 1;
		double[] ticks = new double[n];
		for (int i = 0; i < n; i++) {
			ticks[i] = first + i * stride;
		}
		return ticks;
	}

	/** At most four significant digits, plain for ordinary magnitudes, scientific for extreme ones. */
	static String format(double value) {
		if (value == 0) {
			return "0"; //$NON-NLS-1$
		}
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		double magnitude = Math.abs(value);
		if (magnitude >= 1e6 || magnitude < 1e-3) {
			return String.format(Locale.ROOT, "%.2e", value); //$NON-NLS-1$
		}
		// valueOf: the shortest decimal of the double, far cheaper to round than its exact binary expansion
		return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}
}

package org.ganworkbench.ui.internal.views.chart;

import java.util.List;

import org.eclipse.swt.graphics.Rectangle;

/**
 * Where a chart's data lands on screen: the plot rectangle and the data ranges it shows. On a log
 * axis the y range holds exponents of ten.
 */
record ChartFrame(Rectangle plot, double x0, double x1, double y0, double y1, boolean log) {

	/** The frame that shows every finite point (positive ones on a log axis), or null when there is none. */
	static ChartFrame fit(Rectangle plot, List<ChartSeries> series, boolean log) {
		double xMin = Double.POSITIVE_INFINITY;
		double xMax = Double.NEGATIVE_INFINITY;
		double yMin = Double.POSITIVE_INFINITY;
		double yMax = Double.NEGATIVE_INFINITY;
		for (ChartSeries s : series) {
			double[] x = s.drawn().x();
			double[] y = s.drawn().y();
			// Bounds of the raw values, transformed once: log10 is monotonic, and a paint of a long run
			// must not take a logarithm per point.
			double low = Double.POSITIVE_INFINITY;
			double high = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < s.drawn().size(); i++) {
				double raw = y[i];
				if (!valid(raw, log)) {
					continue;
				}
				xMin = Math.min(xMin, x[i]);
				xMax = Math.max(xMax, x[i]);
				low = Math.min(low, raw);
				high = Math.max(high, raw);
			}
			if (low <= high) {
				yMin = Math.min(yMin, value(low, log));
				yMax = Math.max(yMax, value(high, log));
			}
		}
		if (xMin > xMax) {
			return null;
		}
		if (xMax == xMin) {
			xMin -= 1;
			xMax += 1;
		}
		if (yMax - yMin <= 1e-9 * Math.max(Math.abs(yMax), Math.abs(yMin))) {
			// Flat (up to rounding, as a smoothed constant is): centre it rather than magnify the noise.
			yMin = (yMin + yMax) / 2;
			yMax = yMin;
			double pad = yMin == 0 ? 1 : Math.abs(yMin) * 0.1;
			yMin -= pad;
			yMax += pad;
		} else {
			double pad = (yMax - yMin) * 0.05;
			yMin -= pad;
			yMax += pad;
		}
		return new ChartFrame(plot, xMin, xMax, yMin, yMax, log);
	}

	/** Whether a raw value can be drawn: finite, and positive on a log scale. */
	static boolean valid(double y, boolean log) {
		return Double.isFinite(y) && (!log || y > 0);
	}

	/** A data value on the y axis's scale: its exponent on a log axis (NaN when not positive). */
	static double value(double y, boolean log) {
		if (!log) {
			return y;
		}
		return y > 0 ? Math.log10(y) : Double.NaN;
	}

	int screenX(double x) {
		return plot.x + (int) Math.round((x - x0) / (x1 - x0) * (plot.width - 1));
	}

	/** Takes an axis value (already on the log scale where the axis is logarithmic). */
	int screenY(double v) {
		return plot.y + plot.height - 1 - (int) Math.round((v - y0) / (y1 - y0) * (plot.height - 1));
	}

	double dataX(int screenX) {
		return x0 + (screenX - plot.x) / (double) Math.max(1, plot.width - 1) * (x1 - x0);
	}
}

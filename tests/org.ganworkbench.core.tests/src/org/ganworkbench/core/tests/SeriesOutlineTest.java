package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.core.runs.series.Series;
import org.junit.jupiter.api.Test;

/** The outline a chart draws of a long series: few points, the same shape. */
class SeriesOutlineTest {

	@Test
	void aShortSeriesIsItsOwnOutline() {
		Series series = wave(400);
		assertSame(series, series.outline(100));
	}

	@Test
	void aLongSeriesKeepsItsEndsItsSpikesAndItsGaps() {
		Series series = wave(1_000_000);
		series.y()[123_457] = 50; // a spike
		series.y()[765_433] = -50; // a dip
		series.y()[500_001] = Double.NaN; // a diverged reading

		Series outline = series.outline(1000);

		assertTrue(outline.size() <= 5 * 1000, "at most five points per bucket: " + outline.size());
		assertEquals(0, outline.x()[0], "the first point");
		assertEquals(999_999, outline.x()[outline.size() - 1], "the last point");
		assertEquals(50, max(outline));
		assertEquals(-50, min(outline));
		assertTrue(contains(outline, 123_457, 50) && contains(outline, 765_433, -50), "at their steps");
		assertTrue(contains(outline, 500_001, Double.NaN), "the gap");
		for (int i = 1; i < outline.size(); i++) {
			assertTrue(outline.x()[i] > outline.x()[i - 1], "in step order at " + i);
		}
	}

	/** A sine of small amplitude at steps 0, 1, 2, ... */
	private static Series wave(int size) {
		double[] x = new double[size];
		double[] y = new double[size];
		for (int i = 0; i < size; i++) {
			x[i] = i;
			y[i] = Math.sin(i / 5000.0);
		}
		return new Series(x, y);
	}

	private static double max(Series s) {
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < s.size(); i++) {
			max = Double.isFinite(s.y()[i]) ? Math.max(max, s.y()[i]) : max;
		}
		return max;
	}

	private static double min(Series s) {
		double min = Double.POSITIVE_INFINITY;
		for (int i = 0; i < s.size(); i++) {
			min = Double.isFinite(s.y()[i]) ? Math.min(min, s.y()[i]) : min;
		}
		return min;
	}

	private static boolean contains(Series s, double x, double y) {
		for (int i = 0; i < s.size(); i++) {
			if (s.x()[i] == x && Double.compare(s.y()[i], y) == 0) {
				return true;
			}
		}
		return false;
	}
}

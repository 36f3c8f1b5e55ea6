package org.ganworkbench.ui.internal.views.chart;

import java.util.Arrays;

import org.eclipse.swt.graphics.GC;

/**
 * Collects the screen points of a line and draws them, keeping per pixel column only where the line
 * enters and leaves it and its lowest and highest point, so that a series of a million steps costs
 * what its width costs. A gap (a value that is not finite) ends one line and starts the next.
 */
final class Polyline {

	/**
	 * Points a drawPolyline call takes at most. Cairo strokes one polyline as one shape, and the zigzag
	 * of a noisy curve (1,600 points up and down every pixel column) made that shape slow: about 5 ms a
	 * series, 63 ms for ten runs overlaid; in pieces of 32 points ten runs painted in 18 ms
	 * (releng/bench-charts.sh, docs/decisions.md).
	 */
	private static final int PIECE_POINTS = 32;

	private final GC gc;
	private int[] points = new int[64];
	private int size;
	private int column = Integer.MIN_VALUE;
	private int first;
	private int last;
	private int low;
	private int high;

	Polyline(GC gc) {
		this.gc = gc;
	}

	void add(int x, int y) {
		if (x == column) {
			last = y;
			low = Math.min(low, y);
			high = Math.max(high, y);
			return;
		}
		flushColumn();
		column = x;
		first = y;
		last = y;
		low = y;
		high = y;
	}

	/** Ends the current line (at a gap, or at the end of the series). */
	void gap() {
		flushColumn();
		column = Integer.MIN_VALUE;
		if (size >= 4) {
			// Each piece starts where the last one ended, so that the line stays joined.
			for (int from = 0; from < size - 2; from += 2 * (PIECE_POINTS - 1)) {
				gc.drawPolyline(Arrays.copyOfRange(points, from, Math.min(size, from + 2 * PIECE_POINTS)));
			}
		} else if (size == 2) {
			gc.drawPoint(points[0], points[1]);
		}
		size = 0;
	}

	private void flushColumn() {
		if (column == Integer.MIN_VALUE) {
			return;
		}
		// Enter and leave the column where the data does, so that a steep line stays a line.
		append(column, first);
		if (low < Math.min(first, last)) {
			append(column, low);
		}
		if (high > Math.max(first, last)) {
			append(column, high);
		}
		if (last != first) {
			append(column, last);
		}
	}

	private void append(int x, int y) {
		if (size + 2 > points.length) {
			points = Arrays.copyOf(points, points.length * 2);
		}
		points[size++] = x;
		points[size++] = y;
	}
}

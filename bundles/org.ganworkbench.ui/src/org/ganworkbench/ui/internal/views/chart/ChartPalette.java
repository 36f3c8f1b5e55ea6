package org.ganworkbench.ui.internal.views.chart;

import org.eclipse.swt.graphics.RGB;

/** Distinguishable line colours; none of them red, which is kept for {@link #ALARM}. */
public final class ChartPalette {

	private static final RGB[] COLORS = { new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44),
			new RGB(57, 59, 121), new RGB(148, 103, 189), new RGB(140, 86, 75), new RGB(227, 119, 194),
			new RGB(127, 127, 127), new RGB(188, 189, 34), new RGB(23, 190, 207) };

	/** The colour that flags trouble (an exploding layer). */
	public static final RGB ALARM = new RGB(220, 0, 0);

	private ChartPalette() {
	}

	public static RGB color(int index) {
		return COLORS[Math.floorMod(index, COLORS.length)];
	}
}

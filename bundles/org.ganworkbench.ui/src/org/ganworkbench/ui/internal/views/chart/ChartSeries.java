package org.ganworkbench.ui.internal.views.chart;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.ganworkbench.core.runs.series.Series;

/**
 * One line of a {@link LineChart}: its legend label, its points, colour and line style (an
 * {@code SWT.LINE_*} constant). A highlighted series is drawn thick and marked in the legend.
 * {@code drawn} is the outline of the points that the chart draws and searches: made where the
 * series is made, in a background job, so that a paint of a long run stays short on the UI thread.
 */
public record ChartSeries(String label, Series data, RGB color, int lineStyle, boolean highlighted, Series drawn) {

	/** Buckets of the outline: more than a chart has pixels across, so the outline looks as the data does. */
	private static final int OUTLINE_BUCKETS = 2048;

	public ChartSeries(String label, Series data, RGB color, int lineStyle, boolean highlighted) {
		this(label, data, color, lineStyle, highlighted, data.outline(OUTLINE_BUCKETS));
	}

	public ChartSeries(String label, Series data, RGB color) {
		this(label, data, color, SWT.LINE_SOLID, false);
	}
}

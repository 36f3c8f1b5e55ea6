package org.ganworkbench.ui.internal.views.chart;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.ganworkbench.ui.internal.views.history.Series;

/**
 * One line of a {@link LineChart}: its legend label, its points, colour and line style (an
 * {@code SWT.LINE_*} constant). A highlighted series is drawn thick and marked in the legend.
 */
public record ChartSeries(String label, Series data, RGB color, int lineStyle, boolean highlighted) {

	public ChartSeries(String label, Series data, RGB color) {
		this(label, data, color, SWT.LINE_SOLID, false);
	}
}

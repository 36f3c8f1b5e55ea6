package org.ganworkbench.ui.internal.views;

import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.ui.internal.views.chart.ChartSeries;

/** What the run views draw, for tests of other packages (the Runs view's) that drive them. */
public final class RunViewsProbe {

	private RunViewsProbe() {
	}

	/** The series of the Metrics view's chart that draws a metric (a {@code MetricNames} key). */
	public static List<ChartSeries> metricSeries(MetricsView view, String metric) {
		for (int i = 0; i < MetricCharts.SPECS.size(); i++) {
			if (MetricCharts.SPECS.get(i).keys().contains(metric)) {
				return view.charts().get(i).series();
			}
		}
		throw new IllegalArgumentException("no chart draws " + metric); //$NON-NLS-1$
	}

	/** Exports the Metrics view's charts as its toolbar button does, without the file dialog. */
	public static void exportCharts(MetricsView view, Path file) throws java.io.IOException {
		view.exportCharts(file);
	}

	/** The series of the Singular Values chart. */
	public static List<ChartSeries> sigmaSeries(SingularValuesView view) {
		return view.chart().series();
	}

	/** The files of the grids the Samples view shows side by side, one a run compared (null where none is yet). */
	public static List<Path> comparedSampleFiles(SamplesView view) {
		return view.comparedImages().stream().map(image -> image == null || image.data() == null ? null : image.file())
				.toList();
	}
}

package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.core.runs.history.QualityCoverage;
import org.ganworkbench.core.runs.history.RunHistory;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.history.RunWarning;
import org.ganworkbench.core.runs.series.Series;

/**
 * The small multiples of the Metrics view: which metrics of the trainer (docs/run-format.md) each
 * chart draws, and the smoothed series of a snapshot, made in a background job.
 */
final class MetricCharts {

	/** One chart: its title and its metrics with their legend labels. */
	record Spec(String title, List<String> keys, List<String> labels) {
	}

	/** What the view shows: one list of series per chart, the warnings and the class coverage text. */
	record Data(RunSnapshot snapshot, List<List<ChartSeries>> charts, List<RunWarning> warnings, String coverage) {
	}

	private static final String FD = RunHistory.QUALITY_PREFIX + MetricNames.FD;

	static final List<Spec> SPECS = List.of(
			new Spec(Messages.MetricsView_losses, List.of(MetricNames.LOSS_G, MetricNames.LOSS_D),
					List.of(Messages.MetricsView_lossG, Messages.MetricsView_lossD)),
			new Spec(Messages.MetricsView_outputs, List.of(MetricNames.D_REAL, MetricNames.D_FAKE),
					List.of(Messages.MetricsView_dReal, Messages.MetricsView_dFake)),
			new Spec(Messages.MetricsView_overfitting, List.of(MetricNames.R_T, MetricNames.AUG_P),
					List.of(Messages.MetricsView_rt, Messages.MetricsView_augP)),
			new Spec(Messages.MetricsView_gradients, List.of(MetricNames.GRAD_NORM_G, MetricNames.GRAD_NORM_D),
					List.of(Messages.MetricsView_gradG, Messages.MetricsView_gradD)),
			new Spec(Messages.MetricsView_throughput, List.of(MetricNames.IMAGES_PER_SEC),
					List.of(Messages.MetricsView_imagesPerSec)),
			new Spec(Messages.MetricsView_penalties, List.of(MetricNames.R1, MetricNames.R2, MetricNames.GP),
					List.of(Messages.MetricsView_r1, Messages.MetricsView_r2, Messages.MetricsView_gp)),
			new Spec(Messages.MetricsView_fd, List.of(FD), List.of(Messages.MetricsView_fdLabel)),
			new Spec(Messages.MetricsView_kid, List.of(RunHistory.QUALITY_PREFIX + MetricNames.KID),
					List.of(Messages.MetricsView_kidLabel)),
			new Spec(Messages.MetricsView_precisionRecall,
					List.of(RunHistory.QUALITY_PREFIX + MetricNames.PRECISION, RunHistory.QUALITY_PREFIX + MetricNames.RECALL,
							RunHistory.QUALITY_PREFIX + MetricNames.KNN_COVERAGE),
					List.of(Messages.MetricsView_precision, Messages.MetricsView_recall, Messages.MetricsView_knnCoverage)));

	private MetricCharts() {
	}

	/** @param smoothing the weight of the exponential moving average, 0 for none */
	static Data of(RunSnapshot snapshot, double smoothing) {
		List<List<ChartSeries>> charts = new ArrayList<>();
		for (Spec spec : SPECS) {
			List<ChartSeries> series = new ArrayList<>();
			for (int i = 0; i < spec.keys().size(); i++) {
				Series values = snapshot.metric(spec.keys().get(i));
				if (values.size() > 0) {
					// quality is measured every few hundred steps: smoothing would only blur it
					Series shown = spec.keys().get(i).startsWith(RunHistory.QUALITY_PREFIX) ? values
							: values.smoothed(smoothing);
					series.add(new ChartSeries(spec.labels().get(i), shown, ChartPalette.color(i)));
				}
			}
			if (spec.keys().contains(FD)) {
				addBest(series, snapshot.metric(FD));
			}
			charts.add(List.copyOf(series));
		}
		return new Data(snapshot, List.copyOf(charts), snapshot.warnings(), coverageText(snapshot.coverage()));
	}

	/** Marks the step of the lowest FD with a dashed vertical line: the checkpoint to keep. */
	private static void addBest(List<ChartSeries> series, Series fd) {
		int best = -1;
		for (int i = 0; i < fd.size(); i++) {
			if (Double.isFinite(fd.y()[i]) && (best < 0 || fd.y()[i] < fd.y()[best])) {
				best = i;
			}
		}
		if (best < 0) {
			return;
		}
		double step = fd.x()[best];
		String label = NLS.bind(Messages.MetricsView_bestFd, String.format("%.2f", fd.y()[best]), (long) step); //$NON-NLS-1$
		series.add(new ChartSeries(label, new Series(new double[] { step, step }, new double[] { 0, fd.y()[best] }),
				ChartPalette.color(2), SWT.LINE_DASH, false));
	}

	/** "step N: T-shirt/top 480, Trouser 512, ...; dropped: ..." or "" without coverage. */
	static String coverageText(QualityCoverage coverage) {
		if (coverage == null) {
			return ""; //$NON-NLS-1$
		}
		StringBuilder counts = new StringBuilder();
		for (int i = 0; i < coverage.classes().size(); i++) {
			if (i > 0) {
				counts.append(", "); //$NON-NLS-1$
			}
			counts.append(coverage.classes().get(i)).append(' ').append(coverage.generated()[i]).append('/')
					.append(coverage.real()[i]);
		}
		String dropped = coverage.dropped().isEmpty() ? Messages.MetricsView_noneDropped : coverage.message();
		return NLS.bind(Messages.MetricsView_coverage, new Object[] { coverage.step(), counts, dropped });
	}
}

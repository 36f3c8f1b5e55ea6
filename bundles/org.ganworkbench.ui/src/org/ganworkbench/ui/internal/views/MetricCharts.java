package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
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
 * chart draws, and the smoothed series of a snapshot, or of several runs overlaid, made in a
 * background job.
 */
final class MetricCharts {

	/** One chart: its title and its metrics with their legend labels. */
	record Spec(String title, List<String> keys, List<String> labels) {
	}

	/** What the view shows: one list of series per chart, the warnings and the class coverage text. */
	record Data(List<List<ChartSeries>> charts, List<RunWarning> warnings, String coverage) {
	}

	/** Line styles of a chart's metrics when the colour says which run: the first solid, then dashed, dotted. */
	private static final int[] COMPARED_STYLES = { SWT.LINE_SOLID, SWT.LINE_DASH, SWT.LINE_DOT };

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

	/**
	 * The charts of the runs shown: one run as {@link #of(RunSnapshot, double)}; several overlaid, one
	 * colour per run, the same smoothing for all, the warnings of all named by run, no class coverage.
	 */
	static Data of(List<RunSnapshot> snapshots, double smoothing) {
		if (snapshots.size() <= 1) {
			return of(snapshots.isEmpty() ? RunSnapshot.EMPTY : snapshots.get(0), smoothing);
		}
		List<List<ChartSeries>> charts = new ArrayList<>();
		for (Spec spec : SPECS) {
			List<ChartSeries> series = new ArrayList<>();
			for (int run = 0; run < snapshots.size(); run++) {
				RunSnapshot snapshot = snapshots.get(run);
				for (int i = 0; i < spec.keys().size(); i++) {
					Series values = shown(snapshot, spec.keys().get(i), smoothing);
					if (values.size() > 0) {
						String label = spec.keys().size() == 1 ? snapshot.runName()
								: NLS.bind(Messages.MetricsView_comparedSeries, snapshot.runName(), spec.labels().get(i));
						series.add(new ChartSeries(label, values, ChartPalette.color(run),
								COMPARED_STYLES[i % COMPARED_STYLES.length], false));
					}
				}
			}
			charts.add(List.copyOf(series));
		}
		List<RunWarning> warnings = new ArrayList<>();
		for (RunSnapshot snapshot : snapshots) {
			for (RunWarning warning : snapshot.warnings()) {
				warnings.add(new RunWarning(warning.step(), warning.kind(),
						NLS.bind(Messages.MetricsView_comparedWarning, snapshot.runName(), warning.message()),
						warning.layer()));
			}
		}
		warnings.sort(Comparator.comparingLong(RunWarning::step));
		return new Data(List.copyOf(charts), List.copyOf(warnings), ""); //$NON-NLS-1$
	}

	/** @param smoothing the weight of the exponential moving average, 0 for none */
	static Data of(RunSnapshot snapshot, double smoothing) {
		List<List<ChartSeries>> charts = new ArrayList<>();
		for (Spec spec : SPECS) {
			List<ChartSeries> series = new ArrayList<>();
			for (int i = 0; i < spec.keys().size(); i++) {
				Series values = shown(snapshot, spec.keys().get(i), smoothing);
				if (values.size() > 0) {
					series.add(new ChartSeries(spec.labels().get(i), values, ChartPalette.color(i)));
				}
			}
			if (spec.keys().contains(FD)) {
				addBest(series, snapshot.metric(FD));
			}
			charts.add(List.copyOf(series));
		}
		return new Data(List.copyOf(charts), snapshot.warnings(), coverageText(snapshot.coverage()));
	}

	/** A metric as drawn: smoothed, but for quality, measured every few hundred steps, which smoothing would only blur. */
	private static Series shown(RunSnapshot snapshot, String key, double smoothing) {
		Series values = snapshot.metric(key);
		return values.size() == 0 || key.startsWith(RunHistory.QUALITY_PREFIX) ? values : values.smoothed(smoothing);
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

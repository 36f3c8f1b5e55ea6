package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.ui.internal.views.history.RunSnapshot;
import org.ganworkbench.ui.internal.views.history.RunWarning;
import org.ganworkbench.ui.internal.views.history.Series;

/**
 * The small multiples of the Metrics view: which metrics of the trainer (docs/run-format.md) each
 * chart draws, and the smoothed series of a snapshot, made in a background job.
 */
final class MetricCharts {

	/** One chart: its title and its metrics with their legend labels. */
	record Spec(String title, List<String> keys, List<String> labels) {
	}

	/** What the view shows: one list of series per chart, and the warnings. */
	record Data(RunSnapshot snapshot, List<List<ChartSeries>> charts, List<RunWarning> warnings) {
	}

	static final List<Spec> SPECS = List.of(
			new Spec(Messages.MetricsView_losses, List.of("loss_g", "loss_d"), //$NON-NLS-1$ //$NON-NLS-2$
					List.of(Messages.MetricsView_lossG, Messages.MetricsView_lossD)),
			new Spec(Messages.MetricsView_outputs, List.of("d_real", "d_fake"), //$NON-NLS-1$ //$NON-NLS-2$
					List.of(Messages.MetricsView_dReal, Messages.MetricsView_dFake)),
			new Spec(Messages.MetricsView_overfitting, List.of("r_t", "aug_p"), //$NON-NLS-1$ //$NON-NLS-2$
					List.of(Messages.MetricsView_rt, Messages.MetricsView_augP)),
			new Spec(Messages.MetricsView_gradients, List.of("grad_norm_g", "grad_norm_d"), //$NON-NLS-1$ //$NON-NLS-2$
					List.of(Messages.MetricsView_gradG, Messages.MetricsView_gradD)),
			new Spec(Messages.MetricsView_throughput, List.of("images_per_sec"), //$NON-NLS-1$
					List.of(Messages.MetricsView_imagesPerSec)),
			new Spec(Messages.MetricsView_penalties, List.of("r1", "r2", "gp"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					List.of(Messages.MetricsView_r1, Messages.MetricsView_r2, Messages.MetricsView_gp)));

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
					series.add(new ChartSeries(spec.labels().get(i), values.smoothed(smoothing), ChartPalette.color(i)));
				}
			}
			charts.add(List.copyOf(series));
		}
		return new Data(snapshot, List.copyOf(charts), snapshot.warnings());
	}
}

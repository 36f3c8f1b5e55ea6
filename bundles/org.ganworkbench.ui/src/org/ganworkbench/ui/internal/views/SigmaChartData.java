package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.core.runs.history.LayerSigma;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.series.Series;

/**
 * What the Singular Values view draws for a snapshot and the user's choices: one series per chosen
 * layer and singular value (sigma0 solid, sigma1 dashed, sigma2 dotted), exploding layers
 * highlighted. Made in a background job.
 */
record SigmaChartData(RunSnapshot snapshot, List<ChartSeries> series, List<LayerSigma> exploding) {

	private static final int[] STYLES = { SWT.LINE_SOLID, SWT.LINE_DASH, SWT.LINE_DOT };

	static SigmaChartData of(RunSnapshot snapshot, Set<String> hidden, int singularValues) {
		List<ChartSeries> series = new ArrayList<>();
		List<LayerSigma> exploding = new ArrayList<>();
		int colour = 0;
		for (LayerSigma layer : snapshot.layers()) {
			if (layer.exploding()) {
				exploding.add(layer);
			}
			if (hidden.contains(layer.key())) {
				continue;
			}
			for (int k = 0; k < Math.min(singularValues, layer.sigma().size()); k++) {
				Series values = layer.sigma().get(k);
				String label = NLS.bind(Messages.SingularValuesView_seriesLabel, layer.key(), k);
				series.add(new ChartSeries(label, values, ChartPalette.color(colour), STYLES[k],
						k == 0 && layer.exploding()));
			}
			colour++;
		}
		return new SigmaChartData(snapshot, List.copyOf(series), List.copyOf(exploding));
	}
}

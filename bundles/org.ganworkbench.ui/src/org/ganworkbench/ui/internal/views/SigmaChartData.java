package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * highlighted. Runs compared are overlaid, one colour per run, over the layers of all of them. Made
 * in a background job.
 */
record SigmaChartData(List<String> layerKeys, List<ChartSeries> series, List<LayerSigma> exploding) {

	private static final int[] STYLES = { SWT.LINE_SOLID, SWT.LINE_DASH, SWT.LINE_DOT };

	/** The runs shown: one, or several compared. */
	static SigmaChartData of(List<RunSnapshot> snapshots, Set<String> hidden, int singularValues) {
		if (snapshots.size() <= 1) {
			return of(snapshots.isEmpty() ? RunSnapshot.EMPTY : snapshots.get(0), hidden, singularValues);
		}
		Set<String> keys = new LinkedHashSet<>();
		List<ChartSeries> series = new ArrayList<>();
		List<LayerSigma> exploding = new ArrayList<>();
		for (int run = 0; run < snapshots.size(); run++) {
			RunSnapshot snapshot = snapshots.get(run);
			for (LayerSigma layer : snapshot.layers()) {
				keys.add(layer.key());
				if (layer.exploding()) {
					exploding.add(layer);
				}
				if (hidden.contains(layer.key())) {
					continue;
				}
				for (int k = 0; k < Math.min(singularValues, layer.sigma().size()); k++) {
					String label = NLS.bind(Messages.SingularValuesView_comparedSeriesLabel,
							new Object[] { snapshot.runName(), layer.key(), k });
					series.add(new ChartSeries(label, layer.sigma().get(k), ChartPalette.color(run), STYLES[k],
							k == 0 && layer.exploding()));
				}
			}
		}
		return new SigmaChartData(List.copyOf(keys), List.copyOf(series), List.copyOf(exploding));
	}

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
		return new SigmaChartData(snapshot.layers().stream().map(LayerSigma::key).toList(), List.copyOf(series),
				List.copyOf(exploding));
	}
}

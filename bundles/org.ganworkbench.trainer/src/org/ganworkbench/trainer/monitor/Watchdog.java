package org.ganworkbench.trainer.monitor;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.trainer.run.RunWriter;

/**
 * Turns measurements into warnings in the event log: sigma0 of a weight growing fast (BigGAN's
 * instability signal), r_t near 1 (D overfitting), and sample diversity collapsing. A warning is
 * written when its condition starts to hold, not again at every check while it lasts, nor when a
 * value hovering at the threshold dips under it for a check or two: it is written again only after
 * {@value #REARM_CHECKS} checks in a row without it.
 */
public final class Watchdog {

	/** sigma0 more than doubling between two checks. */
	public static final double SIGMA_GROWTH = 2.0;
	public static final double OVERFIT_RT = 0.95;
	/** Samples closer to each other than this share of the real images' mutual distance. */
	public static final double COLLAPSE_RATIO = 0.15;
	/** Checks in a row without its condition before a warning can be written again. */
	public static final int REARM_CHECKS = 10;

	private final RunWriter writer;
	private final Map<String, Double> lastSigma = new HashMap<>();
	private final Set<String> active = new HashSet<>();
	/** Of each active warning: the checks in a row that its condition has not held. */
	private final Map<String, Integer> quiet = new HashMap<>();

	public Watchdog(RunWriter writer) {
		this.writer = writer;
	}

	public void sigma(long step, String network, String layer, double sigma0) throws IOException {
		String key = network + "/" + layer;
		Double before = lastSigma.put(key, sigma0);
		boolean growing = before != null && before > 0 && sigma0 / before > SIGMA_GROWTH;
		report(step, "sigma_growth:" + key, growing, "sigma_growth", "sigma0 of " + key + " grew from "
				+ format(before) + " to " + format(sigma0) + " since the last check", Map.of("network", network, "layer",
						layer, "sigma0", sigma0));
	}

	public void rt(long step, double rt) throws IOException {
		report(step, "overfitting", rt > OVERFIT_RT, "overfitting", "r_t = " + format(rt)
				+ ": D is confident on nearly all real images (overfitting); consider augmentation",
				Map.of(MetricNames.R_T, rt));
	}

	public void diversity(long step, double sampleDistance, double realDistance) throws IOException {
		double ratio = realDistance > 0 ? sampleDistance / realDistance : 1;
		report(step, "collapse", ratio < COLLAPSE_RATIO, "collapse", "samples differ " + format(ratio)
				+ " as much as real images do: the generator may be collapsing", Map.of("ratio", ratio));
	}

	private void report(long step, String key, boolean holds, String kind, String message, Map<String, ?> extra)
			throws IOException {
		if (holds) {
			quiet.put(key, 0);
			if (active.add(key)) {
				writer.warning(step, kind, message, extra);
			}
		} else if (active.contains(key) && quiet.merge(key, 1, Integer::sum) >= REARM_CHECKS) {
			active.remove(key);
			quiet.remove(key);
		}
	}

	/** Mean Euclidean distance between the samples of a batch [N, ...]. */
	public static double meanPairwiseDistance(org.nd4j.linalg.api.ndarray.INDArray batch) {
		long n = batch.size(0);
		org.nd4j.linalg.api.ndarray.INDArray flat = batch.reshape(n, batch.length() / n);
		double total = 0;
		int pairs = 0;
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				total += flat.getRow(i).distance2(flat.getRow(j));
				pairs++;
			}
		}
		return pairs == 0 ? 0 : total / pairs;
	}

	private static String format(Double value) {
		return value == null ? "?" : String.format(java.util.Locale.ROOT, "%.3g", value);
	}

	static List<String> kinds() {
		return List.of("sigma_growth", "overfitting", "collapse", "nan");
	}
}

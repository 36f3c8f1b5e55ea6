package org.ganworkbench.core.runs.history;

import java.util.List;
import org.ganworkbench.core.runs.series.Series;

/**
 * The largest singular values of one weight matrix over steps: sigma.get(0) is sigma0, then sigma1
 * and sigma2 where the trainer wrote them. Exploding means sigma0 grew fast (see
 * {@link RunHistory#EXPLOSION_FACTOR}), or the trainer warned about this layer.
 */
public record LayerSigma(String network, String layer, List<Series> sigma, boolean spectralNorm, double growth,
		boolean exploding) {

	/** "G/conv1": unique within a run. */
	public String key() {
		return key(network, layer);
	}

	public static String key(String network, String layer) {
		return network + "/" + layer; //$NON-NLS-1$
	}
}

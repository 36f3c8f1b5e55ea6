package org.ganworkbench.model.sweep;

import java.util.List;

/**
 * One value a sweep varies, at {@code path} as {@link org.ganworkbench.model.ModelWriter#set} names it
 * ("training.g_optimizer.lr", "latent.size", "generator.up1.filters", "data.path"): either the listed
 * {@code values} (source text, a grid) or a range from {@code min} to {@code max}, sampled per trial on
 * a linear or log scale, rounded for an integer key.
 */
public record SweepDimension(String path, List<String> values, double min, double max, boolean log, boolean integer) {

	public SweepDimension {
		values = List.copyOf(values);
	}

	public boolean isGrid() {
		return !values.isEmpty();
	}

	/** The last segment of the path: what a trial's name calls it. */
	public String shortName() {
		return path.substring(path.lastIndexOf('.') + 1);
	}
}

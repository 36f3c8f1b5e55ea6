package org.ganworkbench.sweep.plan;

import java.util.Map;

/**
 * One trial of a sweep: its index, a directory name made from its values, the values it sets (path to
 * source text, in the sweep block's order) and its seed. Its model is the swept model with those values
 * set ({@link SweepPlan#modelText}).
 */
public record Trial(int index, String name, Map<String, String> values, long seed) {

	public Trial {
		values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
	}
}

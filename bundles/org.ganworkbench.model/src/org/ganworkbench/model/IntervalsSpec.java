package org.ganworkbench.model;

/**
 * How often (in G steps) the trainer writes samples, singular values, metrics, checkpoints and
 * sample-quality metrics (0 turns quality off).
 */
public final class IntervalsSpec {

	private final Settings settings;

	IntervalsSpec(Settings settings) {
		this.settings = settings;
	}

	public int samples() {
		return settings.intValue("samples", Defaults.SAMPLE_INTERVAL);
	}

	public int singularValues() {
		return settings.intValue("singular_values", Defaults.SINGULAR_VALUE_INTERVAL);
	}

	public int metrics() {
		return settings.intValue("metrics", Defaults.METRIC_INTERVAL);
	}

	public int checkpoints() {
		return settings.intValue("checkpoints", Defaults.CHECKPOINT_INTERVAL);
	}

	public int quality() {
		return settings.intValue("quality", Defaults.QUALITY_INTERVAL);
	}
}

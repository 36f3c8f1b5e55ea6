package org.ganworkbench.model;

/** Exponential moving average of G's weights (BigGAN); samples are drawn from the EMA generator. */
public final class EmaSpec {

	private final Settings settings;

	EmaSpec(Settings settings) {
		this.settings = settings;
	}

	public boolean enabled() {
		return settings.boolValue("enabled", Defaults.EMA_ENABLED);
	}

	public double decay() {
		return settings.doubleValue("decay", Defaults.EMA_DECAY);
	}

	/** Step at which averaging starts; before it the EMA weights copy G's. */
	public int start() {
		return settings.intValue("start", Defaults.EMA_START);
	}
}

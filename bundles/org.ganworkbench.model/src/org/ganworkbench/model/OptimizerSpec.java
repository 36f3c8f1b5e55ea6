package org.ganworkbench.model;

/** The optimiser of G or D. */
public final class OptimizerSpec {

	private final Settings settings;
	private final double defaultLearningRate;

	OptimizerSpec(Settings settings, double defaultLearningRate) {
		this.settings = settings;
		this.defaultLearningRate = defaultLearningRate;
	}

	public OptimizerKind type() {
		return Keyword.fromKeyword(OptimizerKind.class, settings.stringValue("type", ""), Defaults.OPTIMIZER);
	}

	public double learningRate() {
		return settings.doubleValue("lr", defaultLearningRate);
	}

	public double beta1() {
		return settings.doubleValue("beta1", Defaults.BETA1);
	}

	public double beta2() {
		return settings.doubleValue("beta2", Defaults.BETA2);
	}

	public double epsilon() {
		return settings.doubleValue("eps", Defaults.ADAM_EPS);
	}
}

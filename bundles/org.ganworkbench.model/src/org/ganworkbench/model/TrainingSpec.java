package org.ganworkbench.model;

/** Loss, optimisers, schedule, regularisers and intervals, with the papers' defaults applied. */
public final class TrainingSpec {

	private final Settings settings;
	private final OptimizerSpec gOptimizer;
	private final OptimizerSpec dOptimizer;
	private final EmaSpec ema;
	private final AugmentSpec augment;
	private final IntervalsSpec intervals;

	TrainingSpec(Settings settings, Settings g, Settings d, Settings ema, Settings augment, Settings intervals) {
		this.settings = settings;
		this.gOptimizer = new OptimizerSpec(g, Defaults.G_LEARNING_RATE);
		this.dOptimizer = new OptimizerSpec(d, Defaults.D_LEARNING_RATE);
		this.ema = new EmaSpec(ema);
		this.augment = new AugmentSpec(augment);
		this.intervals = new IntervalsSpec(intervals);
	}

	public LossKind loss() {
		return Keyword.fromKeyword(LossKind.class, settings.stringValue("loss", ""), Defaults.LOSS);
	}

	/** Gradient penalty weight lambda of wasserstein_gp. */
	public double gpWeight() {
		return settings.doubleValue("gp_weight", Defaults.GP_WEIGHT);
	}

	public int batchSize() {
		return settings.intValue("batch", Defaults.BATCH);
	}

	/** Number of G steps (iterations). */
	public int steps() {
		return settings.intValue("steps", Defaults.STEPS);
	}

	/** D steps per G step. */
	public int dSteps() {
		return settings.intValue("d_steps", Defaults.D_STEPS);
	}

	/** Truncation threshold of the sampling truncation trick; 0 = off. */
	public double truncation() {
		return settings.doubleValue("truncation", Defaults.TRUNCATION);
	}

	/** Gamma of the R1 penalty (gradient of D on real data); 0 = off. */
	public double r1Gamma() {
		return settings.doubleValue("r1", Defaults.R1);
	}

	/** Gamma of the R2 penalty (gradient of D on fake data); 0 = off. */
	public double r2Gamma() {
		return settings.doubleValue("r2", Defaults.R2);
	}

	public long seed() {
		return settings.longValue("seed", Defaults.SEED);
	}

	/** How many of the newest checkpoints the trainer keeps (besides the best by FD and marked ones); 0 = all. */
	public int keepCheckpoints() {
		return settings.intValue("keep_checkpoints", Defaults.KEEP_CHECKPOINTS);
	}

	public OptimizerSpec gOptimizer() {
		return gOptimizer;
	}

	public OptimizerSpec dOptimizer() {
		return dOptimizer;
	}

	public EmaSpec ema() {
		return ema;
	}

	public AugmentSpec augment() {
		return augment;
	}

	public IntervalsSpec intervals() {
		return intervals;
	}
}

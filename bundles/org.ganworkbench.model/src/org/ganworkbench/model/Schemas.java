package org.ganworkbench.model;

import java.util.List;

/** The keys of every block that is not a layer. */
final class Schemas {

	private Schemas() {
	}

	static final BlockSchema GAN = BlockSchema.of("the gan block", List.of());

	static final BlockSchema LATENT = BlockSchema.of("latent", List.of(KeySpec.integer("size", 1, 1 << 16),
			KeySpec.choice("prior", Keyword.keywords(PriorKind.class)), KeySpec.bool("hierarchical"), KeySpec.number("probability", 0, 1)));

	static final BlockSchema DATA = BlockSchema.of("data", List.of(KeySpec.choice("source", Keyword.keywords(DataSource.class)),
			KeySpec.string("path"), KeySpec.intList("image", 3), KeySpec.integer("classes", 0, 100_000)));

	static final BlockSchema GENERATOR = BlockSchema.of("generator", List.of(KeySpec.bool("spectral_norm"),
			KeySpec.number("ortho_reg", 0, 1), KeySpec.integer("class_embedding", 1, 4096), KeySpec.name("output")));

	static final BlockSchema DISCRIMINATOR = BlockSchema.of("discriminator",
			List.of(KeySpec.bool("spectral_norm"), KeySpec.number("ortho_reg", 0, 1), KeySpec.name("output")));

	static final BlockSchema TRAINING = BlockSchema.of("training", List.of(KeySpec.choice("loss", Keyword.keywords(LossKind.class)),
			KeySpec.number("gp_weight", 0, 1000), KeySpec.integer("batch", 1, 65_536), KeySpec.integer("steps", 1, 1_000_000_000),
			KeySpec.integer("d_steps", 1, 100), KeySpec.number("truncation", 0, 100), KeySpec.number("r1", 0, 1e6),
			KeySpec.number("r2", 0, 1e6), KeySpec.integer("seed", 0, (1L << 53) - 1),
			KeySpec.integer("keep_checkpoints", 0, 1_000_000_000)));

	static final BlockSchema OPTIMIZER = BlockSchema.of("optimizer", List.of(KeySpec.choice("type", Keyword.keywords(OptimizerKind.class)),
			KeySpec.positive("lr", 10), KeySpec.fraction("beta1"), KeySpec.fraction("beta2"), KeySpec.positive("eps", 1)));

	static final BlockSchema EMA = BlockSchema.of("ema",
			List.of(KeySpec.bool("enabled"), KeySpec.fraction("decay"), KeySpec.integer("start", 0, 1_000_000_000)));

	static final BlockSchema AUGMENT = BlockSchema.of("augment", List.of(KeySpec.choiceList("policy", Keyword.keywords(AugmentKind.class)),
			KeySpec.number("probability", 0, 1), KeySpec.positive("target", 1)));

	static final BlockSchema INTERVALS = BlockSchema.of("intervals", List.of(KeySpec.integer("samples", 1, 1_000_000_000),
			KeySpec.integer("singular_values", 1, 1_000_000_000), KeySpec.integer("metrics", 1, 1_000_000_000),
			KeySpec.integer("checkpoints", 1, 1_000_000_000), KeySpec.integer("quality", 0, 1_000_000_000)));

	/** A sweep: many runs of this model with some values varied (docs/sweeps.md). */
	static final BlockSchema SWEEP = BlockSchema.of("sweep", List.of(KeySpec.integer("trials", 1, 100_000),
			KeySpec.integer("parallel", 1, 1024), KeySpec.choice("objective", objectives()), KeySpec.bool("maximize"),
			KeySpec.bool("halving"),
			KeySpec.integers("seeds", 0)));

	/** What a sweep may rank trials by: every number the trainer logs in quality and metrics events. */
	private static String[] objectives() {
		List<String> names = new java.util.ArrayList<>(org.ganworkbench.model.run.MetricNames.QUALITY);
		names.addAll(org.ganworkbench.model.run.MetricNames.SCALARS);
		return names.toArray(String[]::new);
	}

	/** One value a sweep varies: {@code vary "training.g_optimizer.lr" { values = [...] }} or a range. */
	static final BlockSchema VARY = BlockSchema.of("vary", List.of(KeySpec.any("values"), KeySpec.number("min", -1e300, 1e300),
			KeySpec.number("max", -1e300, 1e300), KeySpec.choice("scale", "linear", "log")));
}

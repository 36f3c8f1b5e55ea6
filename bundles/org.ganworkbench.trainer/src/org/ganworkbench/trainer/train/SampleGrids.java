package org.ganworkbench.trainer.train;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sample grids of a run: for each truncation one fixed batch of latents, drawn from the run's
 * seed, the same at every step, with the classes in turn. The trainer logs them during training; the
 * {@code sample} command renders one for any truncation from a checkpoint, pixel for pixel as the
 * trainer would have at that step.
 */
public final class SampleGrids {

	/** Images in a grid. */
	public static final int COUNT = 16;
	/** Images in a row of a grid. */
	public static final int COLUMNS = 4;

	private final GanModel model;
	private final LatentSampler latents;
	private final long seed;

	public SampleGrids(GanModel model, long seed) {
		this.model = model;
		this.latents = new LatentSampler(model.latent());
		this.seed = seed;
	}

	/** The grid's images at a truncation (0 for none) through a generator: N x C x H x W. */
	public INDArray images(Generator generator, double truncation) {
		INDArray z = latents.sample(COUNT, truncation, Rng.derived(seed, "samples"), Trainer.TYPE);
		int[] labels = null;
		int classes = model.data().classes();
		if (classes > 0) {
			labels = new int[COUNT];
			for (int i = 0; i < labels.length; i++) {
				labels[i] = i % classes;
			}
		}
		return generator.forward(z, labels, Pass.inference());
	}
}

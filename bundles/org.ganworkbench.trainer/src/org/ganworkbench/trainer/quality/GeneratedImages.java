package org.ganworkbench.trainer.quality;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.train.LatentSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The images a quality evaluation scores: the same latents (and, for conditional models, balanced
 * labels) at every step, so that the curve shows the generator changing rather than sampling noise.
 */
public final class GeneratedImages {

	private static final int BATCH = 250;

	private GeneratedImages() {
	}

	public static INDArray of(Generator generator, GanModel model, int count, long seed) {
		LatentSampler latents = new LatentSampler(model.latent());
		Rng rng = Rng.derived(seed, "quality");
		int classes = model.data().classes();
		INDArray out = null;
		for (int from = 0; from < count; from += BATCH) {
			int n = Math.min(BATCH, count - from);
			INDArray z = latents.sample(n, 0, rng, DataType.FLOAT);
			int[] labels = null;
			if (classes > 0) {
				labels = new int[n];
				for (int i = 0; i < n; i++) {
					labels[i] = (from + i) % classes;
				}
			}
			INDArray images = generator.forward(z, labels, Pass.inference());
			if (out == null) {
				long[] shape = images.shape().clone();
				shape[0] = count;
				out = Nd4j.create(DataType.FLOAT, shape);
			}
			out.get(NDArrayIndex.interval(from, from + n)).assign(images);
		}
		return out;
	}
}

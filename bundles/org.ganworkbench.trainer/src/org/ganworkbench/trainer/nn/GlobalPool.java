package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Sum (SN-GAN, BigGAN) or average over H and W: [N, C, H, W] to [N, C]. */
public final class GlobalPool extends SingleInputModule {

	private final boolean average;

	public GlobalPool(String name, boolean average) {
		super(name);
		this.average = average;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		pass.save(this, (Object) x.shape());
		return average ? x.mean(2, 3) : x.sum(2, 3);
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		long[] shape = (long[]) pass.saved(this)[0];
		INDArray spread = g.reshape(shape[0], shape[1], 1, 1).repeat(2, shape[2]).repeat(3, shape[3]).dup('c');
		return average ? spread.divi(shape[2] * shape[3]) : spread;
	}
}

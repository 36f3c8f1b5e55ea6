package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reshapes each sample (flatten is a reshape to one dimension). */
public final class Reshape extends SingleInputModule {

	private final long[] sampleShape;

	public Reshape(String name, long... sampleShape) {
		super(name);
		this.sampleShape = sampleShape;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		long[] shape = new long[sampleShape.length + 1];
		shape[0] = x.size(0);
		System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
		pass.save(this, (Object) x.shape());
		return x.dup('c').reshape(shape);
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		return g.dup('c').reshape((long[]) pass.saved(this)[0]);
	}
}

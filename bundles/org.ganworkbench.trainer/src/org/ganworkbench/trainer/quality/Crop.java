package org.ganworkbench.trainer.quality;

import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keeps the top-left size x size pixels: the decoder doubles 3 times from ceil(size / 8) and may
 * overshoot sizes that are not multiples of 8 (28 becomes 32).
 */
final class Crop extends SingleInputModule {

	private final int size;

	Crop(String name, int size) {
		super(name);
		this.size = size;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		pass.save(this, (Object) x.shape());
		return x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, size),
				NDArrayIndex.interval(0, size)).dup('c');
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		long[] shape = (long[]) pass.saved(this)[0];
		INDArray grad = org.nd4j.linalg.factory.Nd4j.zeros(g.dataType(), shape);
		grad.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, size), NDArrayIndex.interval(0, size))
				.assign(g);
		return grad;
	}
}

package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Nearest-neighbour upsampling or average-pool downsampling by an integer factor. */
public final class Resize extends SingleInputModule {

	private final int factor;
	private final boolean up;

	public Resize(String name, int factor, boolean up) {
		super(name);
		this.factor = factor;
		this.up = up;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		pass.save(this, (Object) x.shape());
		return up ? upsample(x, factor) : downsample(x, factor);
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		long[] inShape = (long[]) pass.saved(this)[0];
		if (up) {
			return blockSum(g, factor);
		}
		INDArray spread = upsample(g, factor).divi(factor * factor);
		if (spread.size(2) == inShape[2] && spread.size(3) == inShape[3]) {
			return spread;
		}
		// an odd size lost its last row/column when pooled: it gets no gradient
		INDArray full = org.nd4j.linalg.factory.Nd4j.zeros(g.dataType(), inShape);
		full.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
				org.nd4j.linalg.indexing.NDArrayIndex.interval(0, spread.size(2)),
				org.nd4j.linalg.indexing.NDArrayIndex.interval(0, spread.size(3))).assign(spread);
		return full;
	}

	static INDArray upsample(INDArray x, int f) {
		long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
		INDArray spread = x.dup('c').reshape(n, c, h, 1, w, 1).repeat(3, f).repeat(5, f);
		return spread.dup('c').reshape(n, c, h * f, w * f);
	}

	static INDArray downsample(INDArray x, int f) {
		long h = x.size(2) / f * f, w = x.size(3) / f * f;
		INDArray crop = h == x.size(2) && w == x.size(3) ? x
				: x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
						org.nd4j.linalg.indexing.NDArrayIndex.interval(0, h),
						org.nd4j.linalg.indexing.NDArrayIndex.interval(0, w));
		return blockSum(crop, f).divi(f * f);
	}

	private static INDArray blockSum(INDArray x, int f) {
		long n = x.size(0), c = x.size(1), h = x.size(2) / f, w = x.size(3) / f;
		return x.dup('c').reshape(n, c, h, f, w, f).sum(3, 5);
	}
}

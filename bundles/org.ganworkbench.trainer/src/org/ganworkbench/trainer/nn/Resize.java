package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Nearest-neighbour upsampling or average-pool downsampling by an integer factor. */
public final class Resize extends SingleInputModule {

	/** libnd4j's layout flag for NCHW in the upsampling kernels. */
	private static final int NCHW = 1;

	private final int factor;
	private final boolean up;

	public Resize(String name, int factor, boolean up) {
		super(name);
		this.factor = factor;
		this.up = up;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		pass.save(this, x);
		return up ? upsample(x, factor) : downsample(x, factor);
	}

	// libnd4j's kernels, one pass each way: the repeat/reshape/sum forms copied the tensor three times
	// (resampling was a tenth of an SN-GAN step)

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		INDArray x = (INDArray) pass.saved(this)[0];
		INDArray gradIn = x.ulike();
		if (up) {
			Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(x, g).addOutputs(gradIn)
					.addIntegerArguments(NCHW).build());
		} else {
			// an odd size lost its last row/column when pooled: the kernel gives it no gradient
			Nd4j.exec(DynamicCustomOp.builder("avgpool2d_bp").addInputs(x, g).addOutputs(gradIn)
					.addIntegerArguments(poolArgs(factor)).build());
		}
		return gradIn;
	}

	static INDArray upsample(INDArray x, int f) {
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), x.size(2) * f, x.size(3) * f);
		Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(out).addIntegerArguments(f, f, NCHW)
				.build());
		return out;
	}

	static INDArray downsample(INDArray x, int f) {
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), x.size(2) / f, x.size(3) / f);
		Nd4j.exec(DynamicCustomOp.builder("avgpool2d").addInputs(x).addOutputs(out).addIntegerArguments(poolArgs(f)).build());
		return out;
	}

	/** kernel and stride f, no padding, valid mode, divide by the window's size, NCHW. */
	private static int[] poolArgs(int f) {
		return new int[] { f, f, f, f, 0, 0, 1, 1, 0, 0, 0 };
	}
}

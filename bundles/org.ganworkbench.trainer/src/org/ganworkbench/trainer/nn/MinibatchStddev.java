package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ProGAN's minibatch standard deviation: the batch is split into groups of {@code group} samples
 * (sample n belongs with n + M, n + 2M, ... for M = N / group); the standard deviation of each value
 * across a group, averaged over C, H and W, is appended as one more channel.
 */
public final class MinibatchStddev extends SingleInputModule {

	private static final double EPS = 1e-8;
	private final int group;

	public MinibatchStddev(String name, int group) {
		super(name);
		this.group = group;
	}

	@Override
	public boolean mixesSamples() {
		return true;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
		int g = (int) Math.min(group, n);
		if (n % g != 0) {
			throw new IllegalArgumentException(name + ": group " + g + " does not divide the batch " + n);
		}
		long m = n / g;
		INDArray grouped = x.dup('c').reshape(g, m, c * h * w);
		INDArray centred = grouped.sub(grouped.mean(true, 0));
		INDArray std = Transforms.sqrt(centred.mul(centred).mean(0).addi(EPS), false); // [M, CHW]
		INDArray perGroup = std.mean(1); // [M]
		INDArray channel = perGroup.reshape(1, m, 1).repeat(0, g).repeat(2, h * w).dup('c').reshape(n, 1, h, w);
		pass.save(this, centred, std, g);
		return Nd4j.concat(1, x, channel);
	}

	@Override
	public INDArray backward1(INDArray grad, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray centred = (INDArray) s[0];
		INDArray std = (INDArray) s[1];
		int g = (Integer) s[2];
		long n = grad.size(0), c = grad.size(1) - 1, h = grad.size(2), w = grad.size(3);
		long m = n / g;
		INDArray dx = grad.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c), NDArrayIndex.all(), NDArrayIndex.all())
				.dup('c');
		INDArray dChannel = grad.get(NDArrayIndex.all(), NDArrayIndex.point(c), NDArrayIndex.all(), NDArrayIndex.all())
				.dup('c').reshape(g, m, h * w).sum(2).sum(0); // [M]
		// d std[m,k] = dChannel[m] / CHW; d x[g,m,k] = d std * centred / (G * std)
		INDArray dStd = dChannel.reshape(m, 1).div(c * h * w);
		INDArray dGrouped = centred.div(std.reshape(1, m, c * h * w).mul(g)).muli(dStd.reshape(1, m, 1));
		return dx.addi(dGrouped.reshape(n, c, h, w));
	}
}

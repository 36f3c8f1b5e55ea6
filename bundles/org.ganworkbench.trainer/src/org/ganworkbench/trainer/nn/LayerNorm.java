package org.ganworkbench.trainer.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Layer normalisation: each sample normalised over all its values, then a per-channel gain and bias. */
public final class LayerNorm extends SingleInputModule {

	private final double eps;
	private final Param gamma;
	private final Param beta;

	public LayerNorm(String name, long channels, double eps, Init init) {
		super(name);
		this.eps = eps;
		this.gamma = Param.trainable(name + ".gamma", init.ones(channels));
		this.beta = Param.trainable(name + ".beta", init.zeros(channels));
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		long n = x.size(0);
		INDArray flat = x.reshape(n, x.length() / n);
		INDArray mean = flat.mean(true, 1);
		INDArray invStd = Transforms.pow(flat.var(false, 1).reshape(n, 1).addi(eps), -0.5, false);
		INDArray xhat = flat.sub(mean).muli(invStd).reshape(x.shape());
		pass.save(this, xhat, invStd);
		return xhat.mul(Ops.perChannel(gamma.value(), x.rank())).addi(Ops.perChannel(beta.value(), x.rank()));
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray xhat = (INDArray) s[0];
		INDArray invStd = (INDArray) s[1];
		int[] axes = Ops.nonChannelAxes(g.rank());
		if (pass.paramGradients) {
			gamma.addGrad(g.mul(xhat).sum(axes));
			beta.addGrad(g.sum(axes));
		}
		long n = g.size(0);
		INDArray d = g.mul(Ops.perChannel(gamma.value(), g.rank())).reshape(n, g.length() / n);
		INDArray xh = xhat.reshape(n, g.length() / n);
		INDArray dx = d.sub(d.mean(true, 1)).subi(xh.mul(d.mul(xh).mean(true, 1))).muli(invStd);
		return dx.reshape(g.shape());
	}

	@Override
	public List<Param> params() {
		return List.of(gamma, beta);
	}
}

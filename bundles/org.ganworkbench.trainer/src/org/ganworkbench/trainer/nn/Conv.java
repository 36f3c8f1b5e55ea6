package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** 2-D convolution, or transposed convolution ("deconv"), with optional bias. */
public final class Conv extends SingleInputModule {

	private final boolean transposed;
	private final int stride;
	private final int padding;
	private final Weight weight;
	private final Param bias;

	/** @param padding pixels, or -1 for "same" */
	public Conv(String network, String name, boolean transposed, long in, long out, int kernel, int stride, int padding,
			boolean hasBias, boolean spectralNorm, Init init) {
		super(name);
		this.transposed = transposed;
		this.stride = stride;
		this.padding = padding;
		INDArray w = transposed ? init.weight(in, out, kernel, kernel) : init.weight(out, in, kernel, kernel);
		this.weight = new Weight(network, name, Param.trainable(name + ".W", w), transposed ? 1 : 0, spectralNorm,
				init.rng());
		this.bias = hasBias ? Param.trainable(name + ".b", init.zeros(out)) : null;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		INDArray w = weight.forward(pass);
		INDArray b = bias == null ? null : bias.value();
		INDArray y = transposed ? Ops.deconv2d(x, w, b, stride, padding) : Ops.conv2d(x, w, b, stride, padding);
		pass.save(this, x, w);
		return y;
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray x = (INDArray) s[0];
		INDArray w = (INDArray) s[1];
		if (!pass.paramGradients) {
			INDArray gradIn = Ops.inputGradient(transposed, x, w, g, stride, padding);
			if (gradIn != null) {
				return gradIn;
			}
		}
		INDArray b = bias == null ? null : bias.value();
		INDArray[] grads = transposed ? Ops.deconv2dBackward(x, w, b, g, stride, padding)
				: Ops.conv2dBackward(x, w, b, g, stride, padding);
		weight.backward(grads[1], pass);
		if (bias != null && pass.paramGradients) {
			bias.addGrad(grads[2]);
		}
		return grads[0];
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>(weight.params());
		if (bias != null) {
			list.add(bias);
		}
		return list;
	}

	@Override
	public List<Weight> weights() {
		return List.of(weight);
	}
}

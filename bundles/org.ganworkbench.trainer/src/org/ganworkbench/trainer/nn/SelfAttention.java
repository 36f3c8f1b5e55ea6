package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SAGAN self-attention as in BigGAN: 1x1 convolutions theta, phi (C to C/8) and g (C to C/2); each
 * position j attends to all positions i with softmax_i(theta_j . phi_i); o (C/2 to C) maps the result
 * back, scaled by a learned gamma that starts at 0: y = x + gamma * o(attention).
 */
public final class SelfAttention extends SingleInputModule {

	private final Conv theta;
	private final Conv phi;
	private final Conv g;
	private final Conv o;
	private final Param gamma;

	public SelfAttention(String network, String name, long channels, boolean bias, boolean spectralNorm, Init init) {
		super(name);
		theta = new Conv(network, name + ".theta", false, channels, channels / 8, 1, 1, 0, bias, spectralNorm, init);
		phi = new Conv(network, name + ".phi", false, channels, channels / 8, 1, 1, 0, bias, spectralNorm, init);
		g = new Conv(network, name + ".g", false, channels, channels / 2, 1, 1, 0, bias, spectralNorm, init);
		o = new Conv(network, name + ".o", false, channels / 2, channels, 1, 1, 0, bias, spectralNorm, init);
		gamma = Param.trainable(name + ".gamma", init.zeros(1));
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		long n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), positions = h * w;
		INDArray q = flat(theta.forward(x, pass), positions);
		INDArray k = flat(phi.forward(x, pass), positions);
		INDArray v = flat(g.forward(x, pass), positions);
		INDArray scores = Nd4j.matmul(q, k, true, false, false); // [N, j, i]
		INDArray attention = softmaxLastAxis(scores);
		INDArray mixed = Nd4j.matmul(v, attention, false, true, false); // [N, C/2, j]
		INDArray out = o.forward(mixed.reshape(n, c / 2, h, w), pass);
		pass.save(this, q, k, v, attention, out);
		return x.add(out.mul(gamma.value().getDouble(0)));
	}

	@Override
	public INDArray backward1(INDArray grad, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray q = (INDArray) s[0];
		INDArray k = (INDArray) s[1];
		INDArray v = (INDArray) s[2];
		INDArray attention = (INDArray) s[3];
		INDArray out = (INDArray) s[4];
		long n = grad.size(0), h = grad.size(2), w = grad.size(3), positions = h * w;
		if (pass.paramGradients) {
			gamma.addGrad(Nd4j.scalar(grad.dataType(), grad.mul(out).sumNumber().doubleValue()).reshape(1));
		}
		INDArray dMixed = flat(o.backward1(grad.mul(gamma.value().getDouble(0)), pass), positions);
		INDArray dV = Nd4j.matmul(dMixed, attention); // [N, C/2, i]
		INDArray dAttention = Nd4j.matmul(dMixed, v, true, false, false); // [N, j, i]
		INDArray dScores = dAttention.sub(dAttention.mul(attention).sum(true, 2)).muli(attention);
		INDArray dQ = Nd4j.matmul(k, dScores, false, true, false); // [N, C/8, j]
		INDArray dK = Nd4j.matmul(q, dScores); // [N, C/8, i]
		INDArray dx = grad.dup();
		dx.addi(theta.backward1(dQ.reshape(n, q.size(1), h, w), pass));
		dx.addi(phi.backward1(dK.reshape(n, k.size(1), h, w), pass));
		dx.addi(g.backward1(dV.reshape(n, v.size(1), h, w), pass));
		return dx;
	}

	private static INDArray flat(INDArray map, long positions) {
		return map.dup('c').reshape(map.size(0), map.size(1), positions);
	}

	/** Logits more than this far below their row's maximum count as this far: see softmaxLastAxis. */
	private static final double LOGIT_FLOOR = -70;

	private static INDArray softmaxLastAxis(INDArray scores) {
		// exp(-70) / positions stays a normal float: as attention sharpens, exp of far lower logits gave
		// subnormal probabilities (31,307 of an SN-GAN batch's 2M at step 240), whose arithmetic takes the
		// CPU's slow path and slowed the step by 15%; the change to a probability is under 1e-30
		INDArray shifted = Transforms.max(scores.sub(scores.max(true, 2)), LOGIT_FLOOR, false);
		INDArray e = Transforms.exp(shifted, false);
		return e.divi(e.sum(true, 2));
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		for (Conv conv : List.of(theta, phi, g, o)) {
			list.addAll(conv.params());
		}
		list.add(gamma);
		return list;
	}

	@Override
	public List<Weight> weights() {
		List<Weight> list = new ArrayList<>();
		for (Conv conv : List.of(theta, phi, g, o)) {
			list.addAll(conv.weights());
		}
		return list;
	}
}

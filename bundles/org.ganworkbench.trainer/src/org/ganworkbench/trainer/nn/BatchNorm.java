package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over (N, H, W) per channel, for images and vectors. Plain: learned gamma and
 * beta. Conditional (BigGAN): gamma = 1 + c Wg^T and beta = c Wb^T per sample, where c is the
 * concatenation of named conditioning vectors of the pass (class embedding, latent chunk).
 */
public final class BatchNorm extends SingleInputModule {

	private final double eps;
	private final double decay;
	private final Param gamma;
	private final Param beta;
	private final Weight gainWeight;
	private final Weight biasWeight;
	private final List<String> conditionKeys;
	private final Param runningMean;
	private final Param runningVar;

	private BatchNorm(String name, long channels, double eps, double decay, Param gamma, Param beta, Weight gainWeight,
			Weight biasWeight, List<String> conditionKeys, Init init) {
		super(name);
		this.eps = eps;
		this.decay = decay;
		this.gamma = gamma;
		this.beta = beta;
		this.gainWeight = gainWeight;
		this.biasWeight = biasWeight;
		this.conditionKeys = conditionKeys;
		this.runningMean = Param.state(name + ".mean", init.zeros(channels));
		this.runningVar = Param.state(name + ".var", init.ones(channels));
	}

	public static BatchNorm plain(String name, long channels, double eps, double decay, Init init) {
		return new BatchNorm(name, channels, eps, decay, Param.trainable(name + ".gamma", init.ones(channels)),
				Param.trainable(name + ".beta", init.zeros(channels)), null, null, List.of(), init);
	}

	public static BatchNorm conditional(String network, String name, long channels, long conditionSize,
			List<String> conditionKeys, double eps, double decay, boolean spectralNorm, Init init) {
		Weight gain = new Weight(network, name + ".gain", Param.trainable(name + ".gain.W", init.weight(channels, conditionSize)),
				0, spectralNorm, init.rng());
		Weight bias = new Weight(network, name + ".bias", Param.trainable(name + ".bias.W", init.weight(channels, conditionSize)),
				0, spectralNorm, init.rng());
		return new BatchNorm(name, channels, eps, decay, null, null, gain, bias, List.copyOf(conditionKeys), init);
	}

	private boolean isConditional() {
		return gainWeight != null;
	}

	@Override
	public boolean mixesSamples() {
		return true;
	}

	/**
	 * Plain batch norm in training: libnd4j's batchnorm and batchnorm_bp kernels (oneDNN on CPU) instead of
	 * six to nine broadcasting element-wise ops; batchnorm_bp takes the full derivative through the
	 * batch statistics.
	 */
	private boolean fused(Pass pass) {
		return pass.training && !isConditional();
	}

	/**
	 * {mean, variance} to normalise with: in training the batch's (mean and biased variance in one
	 * libnd4j op; x.var alone took three times as long), folded into the running averages when the pass
	 * updates state; otherwise the running averages.
	 */
	private INDArray[] statistics(INDArray x, Pass pass) {
		if (!pass.training) {
			return new INDArray[] { runningMean.value(), runningVar.value() };
		}
		INDArray mean = Nd4j.create(x.dataType(), x.size(1));
		INDArray var = Nd4j.create(x.dataType(), x.size(1));
		Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(mean, var)
				.addIntegerArguments(Ops.nonChannelAxes(x.rank())).build());
		if (pass.updateState) {
			runningMean.value().muli(decay).addi(mean.mul(1 - decay));
			runningVar.value().muli(decay).addi(var.mul(1 - decay));
		}
		return new INDArray[] { mean, var };
	}

	private INDArray forwardFused(INDArray x, Pass pass) {
		INDArray[] statistics = statistics(x, pass);
		INDArray mean = statistics[0];
		INDArray var = statistics[1];
		INDArray y = x.ulike();
		Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, var, gamma.value(), beta.value())
				.addOutputs(y).addIntegerArguments(1, 1, 1).addFloatingPointArguments(eps).build());
		pass.save(this, x, mean, var);
		return y;
	}

	private INDArray backwardFused(INDArray g, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray x = (INDArray) s[0];
		INDArray mean = (INDArray) s[1];
		INDArray var = (INDArray) s[2];
		INDArray dx = x.ulike();
		INDArray dGamma = gamma.value().ulike();
		INDArray dBeta = beta.value().ulike();
		Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp").addInputs(x, mean, var, gamma.value(), beta.value(), g)
				.addOutputs(dx, mean.ulike(), var.ulike(), dGamma, dBeta).addIntegerArguments(1, 1, 1)
				.addFloatingPointArguments(eps).build());
		if (pass.paramGradients) {
			gamma.addGrad(dGamma);
			beta.addGrad(dBeta);
		}
		return dx;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		if (fused(pass)) {
			return forwardFused(x, pass);
		}
		int rank = x.rank();
		INDArray[] statistics = statistics(x, pass);
		INDArray mean = statistics[0];
		INDArray var = statistics[1];
		INDArray invStd = Transforms.pow(var.add(eps), -0.5, false);
		INDArray xhat = x.sub(Ops.perChannel(mean, rank)).muli(Ops.perChannel(invStd, rank));
		INDArray[] scaleShift = scaleShift(x, pass);
		pass.save(this, xhat, invStd, scaleShift[0], scaleShift.length > 2 ? scaleShift[2] : null);
		return xhat.mul(scaleShift[0]).addi(scaleShift[1]);
	}

	/** {gamma, beta} broadcastable to x, plus the condition vector when conditional. */
	private INDArray[] scaleShift(INDArray x, Pass pass) {
		int rank = x.rank();
		if (!isConditional()) {
			return new INDArray[] { Ops.perChannel(gamma.value(), rank), Ops.perChannel(beta.value(), rank) };
		}
		INDArray c = condition(pass);
		INDArray g = c.mmul(gainWeight.forward(pass).transpose()).addi(1);
		INDArray b = c.mmul(biasWeight.forward(pass).transpose());
		return new INDArray[] { perSample(g, rank), perSample(b, rank), c };
	}

	private INDArray condition(Pass pass) {
		INDArray[] parts = new INDArray[conditionKeys.size()];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = pass.vector(conditionKeys.get(i));
		}
		return parts.length == 1 ? parts[0] : Nd4j.concat(1, parts);
	}

	private static INDArray perSample(INDArray values, int rank) {
		return rank == 4 ? values.reshape(values.size(0), values.size(1), 1, 1) : values;
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		if (fused(pass)) {
			return backwardFused(g, pass);
		}
		Object[] s = pass.saved(this);
		INDArray xhat = (INDArray) s[0];
		INDArray invStd = (INDArray) s[1];
		INDArray scale = (INDArray) s[2];
		int rank = g.rank();
		int[] axes = Ops.nonChannelAxes(rank);
		if (isConditional()) {
			backwardCondition(g, xhat, (INDArray) s[3], pass);
		} else if (pass.paramGradients) {
			gamma.addGrad(g.mul(xhat).sum(axes));
			beta.addGrad(g.sum(axes));
		}
		INDArray dxhat = g.mul(scale);
		if (!pass.training) {
			return dxhat.muli(Ops.perChannel(invStd, rank));
		}
		// dx = invStd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), means per channel
		INDArray meanD = dxhat.mean(axes);
		INDArray meanDX = dxhat.mul(xhat).mean(axes);
		return dxhat.subi(Ops.perChannel(meanD, rank)).subi(xhat.mul(Ops.perChannel(meanDX, rank)))
				.muli(Ops.perChannel(invStd, rank));
	}

	private void backwardCondition(INDArray g, INDArray xhat, INDArray c, Pass pass) {
		int[] spatial = g.rank() == 4 ? new int[] { 2, 3 } : null;
		INDArray dGain = spatial == null ? g.mul(xhat) : g.mul(xhat).sum(spatial);
		INDArray dBias = spatial == null ? g.dup() : g.sum(spatial);
		Object[] gainSaved = pass.saved(gainWeight);
		gainWeight.backward(dGain.transpose().mmul(c), pass);
		biasWeight.backward(dBias.transpose().mmul(c), pass);
		INDArray gw = gainWeight.isSpectralNormalized() ? gainWeight.param().value().div((Double) gainSaved[2])
				: gainWeight.param().value();
		INDArray bw = biasWeight.isSpectralNormalized() ? biasWeight.param().value().div((Double) pass.saved(biasWeight)[2])
				: biasWeight.param().value();
		INDArray dc = dGain.mmul(gw).addi(dBias.mmul(bw));
		long offset = 0;
		for (String key : conditionKeys) {
			long width = pass.vector(key).size(1);
			pass.addVectorGrad(key, dc.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
					org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + width)));
			offset += width;
		}
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		if (isConditional()) {
			list.addAll(gainWeight.params());
			list.addAll(biasWeight.params());
		} else {
			list.add(gamma);
			list.add(beta);
		}
		list.add(runningMean);
		list.add(runningVar);
		return list;
	}

	@Override
	public List<Weight> weights() {
		return isConditional() ? List.of(gainWeight, biasWeight) : List.of();
	}
}

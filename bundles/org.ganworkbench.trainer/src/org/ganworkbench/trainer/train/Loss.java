package org.ganworkbench.trainer.train;

import org.ganworkbench.model.LossKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The adversarial losses as functions of D's outputs on real (r) and generated (f) batches, each with
 * its gradient with respect to those outputs (means over the batch). Wasserstein's gradient penalty
 * is added by the trainer (see {@link GradientPenalty}).
 */
public final class Loss {

	/** A loss value and its gradients with respect to D(real) and D(fake); null when independent. */
	public record Value(double loss, INDArray gradReal, INDArray gradFake) {
	}

	private final LossKind kind;

	public Loss(LossKind kind) {
		this.kind = kind;
	}

	public LossKind kind() {
		return kind;
	}

	public Value discriminator(INDArray r, INDArray f) {
		double n = r.size(0);
		return switch (kind) {
		case NON_SATURATING -> new Value(mean(softplus(r.neg())) + mean(softplus(f)),
				Transforms.sigmoid(r.neg(), true).negi().divi(n), Transforms.sigmoid(f, true).divi(n));
		case HINGE -> new Value(mean(Transforms.relu(r.rsub(1), true)) + mean(Transforms.relu(f.add(1), true)),
				r.lt(1).castTo(r.dataType()).negi().divi(n), f.gt(-1).castTo(f.dataType()).divi(n));
		case LEAST_SQUARES -> new Value(0.5 * mean(r.sub(1).muli(r.sub(1))) + 0.5 * mean(f.mul(f)), r.sub(1).divi(n),
				f.div(n));
		case RELATIVISTIC -> {
			INDArray d = r.sub(f);
			INDArray s = Transforms.sigmoid(d.neg(), true).divi(n);
			yield new Value(mean(softplus(d.neg())), s.neg(), s);
		}
		case WASSERSTEIN_GP -> new Value(mean(f) - mean(r), r.ulike().assign(-1 / n), f.ulike().assign(1 / n));
		};
	}

	/** G's loss; {@code r} is D on a real batch, used only by the relativistic loss. */
	public Value generator(INDArray r, INDArray f) {
		double n = f.size(0);
		return switch (kind) {
		case NON_SATURATING -> new Value(mean(softplus(f.neg())), null, Transforms.sigmoid(f.neg(), true).negi().divi(n));
		case HINGE, WASSERSTEIN_GP -> new Value(-mean(f), null, f.ulike().assign(-1 / n));
		case LEAST_SQUARES -> new Value(0.5 * mean(f.sub(1).muli(f.sub(1))), null, f.sub(1).divi(n));
		case RELATIVISTIC -> {
			INDArray e = f.sub(r);
			yield new Value(mean(softplus(e.neg())), null, Transforms.sigmoid(e.neg(), true).negi().divi(n));
		}
		};
	}

	/** log(1 + e^x), computed stably. */
	static INDArray softplus(INDArray x) {
		return Transforms.relu(x, true).addi(Transforms.log(Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1), false));
	}

	private static double mean(INDArray x) {
		return x.meanNumber().doubleValue();
	}
}

package org.ganworkbench.trainer.train;

import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * R1 / R2: gamma/2 E ||grad_x D(x)||^2 on real (R1) or generated (R2) images, without double
 * back-propagation, which DL4J/ND4J cannot do. For a direction v with E[v v^T] = I,
 * (v . grad_x D)^2 is an unbiased estimate of the squared norm, and v . grad_x D is approximated by
 * the central difference s = (D(x + h v) - D(x - h v)) / 2h. The penalty's gradient in D's parameters
 * follows from first derivatives only: gamma * s * (grad D(x + h v) - grad D(x - h v)) / 2h, i.e.
 * two ordinary backward passes with output gradients +-gamma s / 2h. Averaged over K directions.
 * The error is O(h^2) from the difference plus the sampling noise of v, which SGD averages out.
 */
public final class GradientPenalty {

	/** Directions v with E[v v^T] = I. */
	public interface Directions {
		INDArray next(long[] shape);
	}

	private final double h;
	private final int directions;

	public GradientPenalty(double h, int directions) {
		this.h = h;
		this.directions = directions;
	}

	/** Standard normal directions from a seeded generator. */
	public static Directions gaussian(Rng rng) {
		return shape -> rng.gaussian(org.nd4j.linalg.factory.Nd4j.defaultFloatingPointType(), shape);
	}

	/**
	 * Estimates gamma/2 mean_n ||grad_x D(x_n)||^2, adds its gradient to D's parameter gradients and
	 * returns the estimate.
	 */
	public double apply(Discriminator d, INDArray x, int[] labels, double gamma, Directions source) {
		double n = x.size(0);
		double total = 0;
		for (int k = 0; k < directions; k++) {
			INDArray v = source.next(x.shape()).castTo(x.dataType());
			Pass plus = Pass.probe();
			Pass minus = Pass.probe();
			INDArray dPlus = d.forward(x.add(v.mul(h)), labels, plus);
			INDArray dMinus = d.forward(x.sub(v.mul(h)), labels, minus);
			INDArray s = dPlus.sub(dMinus).divi(2 * h);
			total += gamma / 2 * s.mul(s).sumNumber().doubleValue() / n / directions;
			INDArray outGrad = s.mul(gamma / (2 * h * n * directions));
			d.backward(outGrad, plus);
			d.backward(outGrad.neg(), minus);
		}
		return total;
	}

	/**
	 * WGAN-GP: lambda E (||grad_x D(x)|| - 1)^2 at x, with the squared norm estimated as above; the
	 * chain rule through the square root gives output gradients scaled by lambda (1 - 1/||g||).
	 */
	public double applyWassersteinPenalty(Discriminator d, INDArray x, int[] labels, double lambda, Directions source) {
		double n = x.size(0);
		INDArray[] vs = new INDArray[directions];
		INDArray[] s = new INDArray[directions];
		Pass[][] passes = new Pass[directions][2];
		INDArray squared = null;
		for (int k = 0; k < directions; k++) {
			vs[k] = source.next(x.shape()).castTo(x.dataType());
			passes[k][0] = Pass.probe();
			passes[k][1] = Pass.probe();
			INDArray dPlus = d.forward(x.add(vs[k].mul(h)), labels, passes[k][0]);
			INDArray dMinus = d.forward(x.sub(vs[k].mul(h)), labels, passes[k][1]);
			s[k] = dPlus.sub(dMinus).divi(2 * h);
			INDArray sq = s[k].mul(s[k]).divi(directions);
			squared = squared == null ? sq : squared.addi(sq);
		}
		INDArray norm = org.nd4j.linalg.ops.transforms.Transforms.sqrt(squared.add(1e-12), false);
		double penalty = lambda * norm.sub(1).muli(norm.sub(1)).sumNumber().doubleValue() / n;
		// d penalty / d squared = lambda (norm - 1) / norm / n; d squared / d s_k = 2 s_k / K
		INDArray scale = norm.sub(1).divi(norm).muli(lambda / n);
		for (int k = 0; k < directions; k++) {
			INDArray outGrad = scale.mul(s[k]).muli(2.0 / directions / (2 * h));
			d.backward(outGrad, passes[k][0]);
			d.backward(outGrad.neg(), passes[k][1]);
		}
		return penalty;
	}
}

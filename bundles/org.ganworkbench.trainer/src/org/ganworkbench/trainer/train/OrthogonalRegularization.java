package org.ganworkbench.trainer.train;

import java.util.List;

import org.ganworkbench.trainer.nn.Weight;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * BigGAN's orthogonal regularisation: beta ||W W^T (1 - I)||_F^2 for every weight matrix W [out,
 * in*k*k], pushing its rows toward orthogonality without constraining their norms. Its gradient,
 * 4 beta (W W^T (1 - I)) W, is added to the weights' gradients.
 */
public final class OrthogonalRegularization {

	private OrthogonalRegularization() {
	}

	/**
	 * With G = W W^T and d its diagonal (the rows' squared norms), the off-diagonal part is G - diag(d):
	 * the penalty is beta (|G|^2 - |d|^2) and the gradient 4 beta (G W - d * W), so no identity mask
	 * is built per weight and step (the profile showed the mask's allocation and copy).
	 *
	 * @return the penalty
	 */
	public static double apply(List<Weight> weights, double beta) {
		double total = 0;
		for (Weight weight : weights) {
			INDArray w = weight.matrix();
			INDArray gram = w.mmul(w.transpose());
			INDArray rowNorms = w.mul(w).sum(1);
			total += beta * (gram.mul(gram).sumNumber().doubleValue() - rowNorms.mul(rowNorms).sumNumber().doubleValue());
			INDArray grad = gram.mmul(w).subi(w.mulColumnVector(rowNorms.reshape(rowNorms.length(), 1))).muli(4 * beta);
			weight.addMatrixGrad(grad);
		}
		return total;
	}
}

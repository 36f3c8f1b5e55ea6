package org.ganworkbench.trainer.train;

import java.util.List;

import org.ganworkbench.trainer.nn.Weight;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BigGAN's orthogonal regularisation: beta ||W W^T (1 - I)||_F^2 for every weight matrix W [out,
 * in*k*k], pushing its rows toward orthogonality without constraining their norms. Its gradient,
 * 4 beta (W W^T (1 - I)) W, is added to the weights' gradients.
 */
public final class OrthogonalRegularization {

	private OrthogonalRegularization() {
	}

	/** @return the penalty */
	public static double apply(List<Weight> weights, double beta) {
		double total = 0;
		for (Weight weight : weights) {
			INDArray w = weight.matrix();
			INDArray gram = w.mmul(w.transpose());
			INDArray offDiagonal = gram.muli(Nd4j.eye(gram.size(0)).castTo(gram.dataType()).rsubi(1));
			total += beta * offDiagonal.mul(offDiagonal).sumNumber().doubleValue();
			INDArray grad = offDiagonal.mmul(w).muli(4 * beta);
			weight.addMatrixGrad(grad);
		}
		return total;
	}
}

package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.monitor.SingularValues;
import org.ganworkbench.trainer.nn.Activation;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.Weight;
import org.ganworkbench.trainer.train.GradientPenalty;
import org.ganworkbench.trainer.train.OrthogonalRegularization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first-order R1 estimator against a finite-difference reference on a tiny network, and the
 * LAPACK singular values against an independent power iteration with deflation.
 */
class PenaltyAndSvdTest {

	private static final double GAMMA = 2.0;

	@BeforeAll
	static void doublePrecision() {
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
	}

	@AfterAll
	static void singlePrecision() {
		Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
	}

	@Test
	void orthogonalRegularizationMatchesItsDefinitionAndItsGradient() {
		// a transposed-convolution weight [in 3, out 5, 2, 2]: the matrix view is [5, 12]
		Param param = Param.trainable("w", Nd4j.rand(DataType.DOUBLE, 3, 5, 2, 2).subi(0.5));
		Weight weight = new Weight("G", "up", param, 1, false, new Rng(3));
		double beta = 0.1;
		double penalty = OrthogonalRegularization.apply(List.of(weight), beta);

		INDArray w = weight.matrix();
		INDArray mask = Nd4j.eye(5).castTo(DataType.DOUBLE).rsubi(1);
		INDArray offDiagonal = w.mmul(w.transpose()).muli(mask);
		assertEquals(beta * offDiagonal.mul(offDiagonal).sumNumber().doubleValue(), penalty, 1e-12);

		// central differences of the penalty against the gradient it added, element by element
		INDArray analytic = param.grad().dup();
		double h = 1e-6;
		for (int i = 0; i < param.value().length(); i++) {
			double x = param.value().getDouble(i);
			param.value().putScalar(i, x + h);
			double up = OrthogonalRegularization.apply(List.of(weight), beta);
			param.value().putScalar(i, x - h);
			double down = OrthogonalRegularization.apply(List.of(weight), beta);
			param.value().putScalar(i, x);
			assertEquals((up - down) / (2 * h), analytic.getDouble(i), 1e-6, "element " + i);
		}
	}

	private static Discriminator tinyD() {
		Init init = new Init(new Rng(11), DataType.DOUBLE, 0.8);
		return new Discriminator(new Graph("x", List.of(
				new Graph.Node(new Dense("D", "h", 4, 3, true, false, init), List.of("x")),
				new Graph.Node(new Activation("t", Activation.Kind.TANH, 0), List.of("h")),
				new Graph.Node(new Dense("D", "out", 3, 1, true, false, init), List.of("t"))), "out"));
	}

	/** gamma/2 mean_n ||grad_x D(x_n)||^2, with the input gradient from ordinary back-propagation. */
	private static double exactR1(Discriminator d, INDArray x) {
		Pass pass = Pass.probe();
		d.forward(x, null, pass);
		INDArray gx = d.backward(Nd4j.ones(DataType.DOUBLE, x.size(0), 1), pass);
		return GAMMA / 2 * gx.mul(gx).sumNumber().doubleValue() / x.size(0);
	}

	/** Central finite differences of the exact penalty in every trained parameter. */
	private static INDArray referenceGradient(Discriminator d, INDArray x, List<Param> params) {
		double h = 1e-5;
		List<INDArray> parts = new java.util.ArrayList<>();
		for (Param p : params) {
			INDArray flat = p.value().reshape(p.value().length());
			INDArray grad = Nd4j.create(DataType.DOUBLE, p.value().length());
			for (long i = 0; i < flat.length(); i++) {
				double saved = flat.getDouble(i);
				flat.putScalar(i, saved + h);
				double plus = exactR1(d, x);
				flat.putScalar(i, saved - h);
				double minus = exactR1(d, x);
				flat.putScalar(i, saved);
				grad.putScalar(i, (plus - minus) / (2 * h));
			}
			parts.add(grad);
		}
		return Nd4j.concat(0, parts.toArray(new INDArray[0]));
	}

	private static INDArray estimatedGradient(List<Param> params) {
		return Nd4j.concat(0, params.stream().map(p -> p.grad().dup().reshape(p.grad().length())).toArray(INDArray[]::new));
	}

	@Test
	void r1EstimateWithCoordinateDirectionsMatchesTheReference() {
		Discriminator d = tinyD();
		INDArray x = new Rng(3).gaussian(DataType.DOUBLE, 5, 4);
		List<Param> params = d.params().stream().filter(Param::isTrainable).toList();
		INDArray reference = referenceGradient(d, x, params);
		double exact = exactR1(d, x);
		params.forEach(Param::zeroGrad);
		// v = sqrt(4) e_i for i = 0..3 also has E[v v^T] = I, and averaging over all four is exact
		int[] next = { 0 };
		GradientPenalty.Directions basis = shape -> {
			INDArray v = Nd4j.zeros(DataType.DOUBLE, shape);
			v.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(next[0]++))
					.assign(2.0);
			return v;
		};
		double estimate = new GradientPenalty(1e-4, 4).apply(d, x, null, GAMMA, basis);
		assertEquals(exact, estimate, 1e-6 * exact);
		INDArray estimated = estimatedGradient(params);
		double error = estimated.sub(reference).norm2Number().doubleValue() / reference.norm2Number().doubleValue();
		assertTrue(error < 1e-4, "relative error " + error);
	}

	@Test
	void r1EstimateWithRandomDirectionsIsUnbiased() {
		Discriminator d = tinyD();
		INDArray x = new Rng(3).gaussian(DataType.DOUBLE, 5, 4);
		List<Param> params = d.params().stream().filter(Param::isTrainable).toList();
		INDArray reference = referenceGradient(d, x, params);
		double exact = exactR1(d, x);
		params.forEach(Param::zeroGrad);
		double estimate = new GradientPenalty(1e-4, 3000).apply(d, x, null, GAMMA, GradientPenalty.gaussian(new Rng(8)));
		assertEquals(exact, estimate, 0.1 * exact);
		INDArray estimated = estimatedGradient(params);
		double cosine = estimated.mul(reference).sumNumber().doubleValue()
				/ (estimated.norm2Number().doubleValue() * reference.norm2Number().doubleValue());
		assertTrue(cosine > 0.97, "cosine " + cosine);
	}

	@Test
	void lapackSingularValuesMatchPowerIteration() {
		for (long[] shape : new long[][] { { 6, 9 }, { 12, 5 }, { 64, 27 } }) {
			INDArray m = new Rng(shape[0]).gaussian(DataType.DOUBLE, shape);
			double[] lapack = SingularValues.largest(m, 3);
			double[] reference = powerIterationSingularValues(m.toDoubleMatrix(), 3);
			for (int i = 0; i < 3; i++) {
				assertEquals(reference[i], lapack[i], 1e-4 * reference[0], "sigma" + i + " of " + shape[0] + "x" + shape[1]);
			}
		}
	}

	/** Plain Java: eigenvalues of A^T A by power iteration, deflating each found component. */
	static double[] powerIterationSingularValues(double[][] a, int count) {
		int n = a[0].length;
		double[][] gram = new double[n][n];
		for (double[] row : a) {
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					gram[i][j] += row[i] * row[j];
				}
			}
		}
		double[] result = new double[count];
		java.util.Random random = new java.util.Random(1);
		for (int k = 0; k < count; k++) {
			double[] v = new double[n];
			for (int i = 0; i < n; i++) {
				v[i] = random.nextGaussian();
			}
			double lambda = 0;
			for (int iteration = 0; iteration < 5000; iteration++) {
				double[] w = new double[n];
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < n; j++) {
						w[i] += gram[i][j] * v[j];
					}
				}
				double norm = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
				for (int i = 0; i < n; i++) {
					v[i] = w[i] / norm;
				}
				lambda = norm;
			}
			result[k] = Math.sqrt(lambda);
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < n; j++) {
					gram[i][j] -= lambda * v[i] * v[j];
				}
			}
		}
		return result;
	}
}

package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.trainer.nn.BatchNorm;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch norm in training runs on libnd4j's kernels, which in float precision on the CPU are oneDNN's:
 * ModuleGradientTest checks the derivative in double precision (the generic kernels), this checks that
 * the float kernels compute the same training-mode formulas, derivative through the batch statistics
 * included, at the DCGAN's size.
 */
class BatchNormKernelTest {

	@Test
	void floatKernelsMatchTheTrainingFormulas() {
		Init init = new Init(new Rng(5), DataType.FLOAT, 0.02);
		BatchNorm bn = BatchNorm.plain("bn", 64, 1e-5, 0.9, init);
		bn.params().get(0).value().assign(Nd4j.rand(DataType.FLOAT, 64).addi(0.5)); // gamma
		bn.params().get(1).value().assign(Nd4j.rand(DataType.FLOAT, 64).subi(0.5)); // beta
		INDArray x = Nd4j.rand(DataType.FLOAT, 32, 64, 14, 14).muli(3).addi(1);
		INDArray g = Nd4j.rand(DataType.FLOAT, 32, 64, 14, 14).subi(0.5);
		Pass pass = Pass.train();
		INDArray y = bn.forward(new INDArray[] { x }, pass);
		INDArray dx = bn.backward(g, pass)[0];

		// the same in double, written out
		INDArray xd = x.castTo(DataType.DOUBLE);
		INDArray gd = g.castTo(DataType.DOUBLE);
		INDArray gamma = bn.params().get(0).value().castTo(DataType.DOUBLE).reshape(1, 64, 1, 1);
		INDArray beta = bn.params().get(1).value().castTo(DataType.DOUBLE).reshape(1, 64, 1, 1);
		int[] axes = { 0, 2, 3 };
		INDArray mean = xd.mean(axes).reshape(1, 64, 1, 1);
		INDArray invStd = Transforms.pow(xd.var(false, axes).addi(1e-5), -0.5, false).reshape(1, 64, 1, 1);
		INDArray xhat = xd.sub(mean).muli(invStd);
		INDArray expectedY = xhat.mul(gamma).addi(beta);
		INDArray dxhat = gd.mul(gamma);
		INDArray expectedDx = dxhat.sub(dxhat.mean(axes).reshape(1, 64, 1, 1))
				.subi(xhat.mul(dxhat.mul(xhat).mean(axes).reshape(1, 64, 1, 1))).muli(invStd);
		INDArray expectedDGamma = gd.mul(xhat).sum(axes);
		INDArray expectedDBeta = gd.sum(axes);

		assertClose("y", expectedY, y);
		assertClose("dx", expectedDx, dx);
		assertClose("dgamma", expectedDGamma, bn.params().get(0).grad());
		assertClose("dbeta", expectedDBeta, bn.params().get(1).grad());
	}

	private static void assertClose(String what, INDArray expected, INDArray actual) {
		double error = expected.sub(actual.castTo(DataType.DOUBLE).reshape(expected.shape())).norm2Number().doubleValue();
		double scale = expected.norm2Number().doubleValue();
		assertTrue(error <= 1e-4 * scale, what + ": relative error " + error / scale);
	}
}

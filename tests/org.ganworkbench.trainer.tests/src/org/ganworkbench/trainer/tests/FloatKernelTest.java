package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.trainer.nn.BatchNorm;
import org.ganworkbench.trainer.nn.Conv;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.SelfAttention;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch norm in training and convolutions run on libnd4j's kernels, which in float precision on the
 * CPU are oneDNN's: ModuleGradientTest checks the derivatives in double precision (the generic
 * kernels), this checks the float path at the DCGAN's sizes (batch norm: the derivative through the
 * batch statistics included; convolutions: the bias and its gradient).
 */
class FloatKernelTest {

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

	@Test
	void convolutionsAddTheBiasAndSumItsGradient() {
		for (boolean transposed : new boolean[] { false, true }) {
			Init init = new Init(new Rng(9), DataType.FLOAT, 0.02);
			Conv conv = new Conv("D", "c", transposed, 64, 32, 4, 2, 1, true, false, init);
			INDArray bias = conv.params().get(conv.params().size() - 1).value();
			INDArray x = Nd4j.rand(DataType.FLOAT, 16, 64, 14, 14).subi(0.5);
			INDArray withoutBias = conv.forward(new INDArray[] { x }, Pass.train());
			bias.assign(Nd4j.rand(DataType.FLOAT, 32).subi(0.5));
			Pass pass = Pass.train();
			INDArray y = conv.forward(new INDArray[] { x }, pass);
			String kind = transposed ? "deconv " : "conv ";
			assertClose(kind + "y - b", withoutBias.castTo(DataType.DOUBLE),
					y.sub(bias.reshape(1, 32, 1, 1)).castTo(DataType.DOUBLE));
			INDArray g = y.like().assign(Nd4j.rand(DataType.FLOAT, y.shape()).subi(0.5));
			conv.backward(g, pass);
			assertClose(kind + "dbias", g.castTo(DataType.DOUBLE).sum(0, 2, 3),
					conv.params().get(conv.params().size() - 1).grad());
		}
	}

	/**
	 * D in the G step runs an input-gradients-only pass: the same gradient to its input as a full
	 * backward (for a convolution through the transposed kernel where the sizes allow it, else the
	 * full kernel) and no parameter gradient at all.
	 */
	@Test
	void inputGradientsOnlyPassGivesTheSameInputGradientAndNoParameterGradient() {
		record Case(boolean transposed, int kernel, int stride, int padding, int size) {
		}
		// k4 s2 p1 (the templates' up/down-sampling), k3 s1 p1, "same" k3 s1 (R3GAN's), k3 s2 p1 on 14
		// (rounded down: 14 -> 7 -> 13, the full kernel), "same" with a stride (the full kernel)
		for (Case c : new Case[] { new Case(false, 4, 2, 1, 14), new Case(true, 4, 2, 1, 7), new Case(false, 3, 1, 1, 9),
				new Case(true, 3, 1, 1, 9), new Case(false, 3, 1, -1, 9), new Case(true, 3, 1, -1, 9),
				new Case(false, 3, 2, 1, 14), new Case(false, 3, 2, -1, 14) }) {
			Conv conv = new Conv("D", "c", c.transposed(), 16, 8, c.kernel(), c.stride(), c.padding(), true, false,
					new Init(new Rng(3), DataType.FLOAT, 0.2));
			assertInputGradientOnly(c.toString(), conv, Nd4j.rand(DataType.FLOAT, 4, 16, c.size(), c.size()).subi(0.5));
		}
		Init init = new Init(new Rng(4), DataType.FLOAT, 0.2);
		assertInputGradientOnly("dense", new Dense("D", "fc", 48, 5, true, false, init),
				Nd4j.rand(DataType.FLOAT, 6, 3, 4, 4).subi(0.5));
		assertInputGradientOnly("batch norm", BatchNorm.plain("bn", 16, 1e-5, 0.9, init),
				Nd4j.rand(DataType.FLOAT, 4, 16, 5, 5).subi(0.5));
	}

	private static void assertInputGradientOnly(String what, SingleInputModule module, INDArray x) {
		Pass full = Pass.train();
		INDArray y = module.forward(x, full);
		INDArray g = Nd4j.rand(DataType.FLOAT, y.shape()).subi(0.5);
		INDArray expected = module.backward1(g, full);
		module.params().stream().filter(Param::isTrainable).forEach(p -> {
			assertTrue(p.grad().norm2Number().doubleValue() > 0, what + ": full backward gives " + p.name() + " a gradient");
			p.zeroGrad();
		});
		Pass inputOnly = Pass.inputGradientsOnly();
		module.forward(x, inputOnly);
		INDArray actual = module.backward1(g, inputOnly);
		assertArrayEquals(expected.shape(), actual.shape(), what);
		assertClose(what + " dx", expected.castTo(DataType.DOUBLE), actual);
		module.params().stream().filter(Param::isTrainable).forEach(
				p -> assertEquals(0.0, p.grad().norm2Number().doubleValue(), what + ": no gradient for " + p.name()));
	}

	/**
	 * Sharp attention (logits hundreds apart) gives no subnormal probability: arithmetic on those takes
	 * the CPU's slow path, and they made the SN-GAN's later steps 15% slower.
	 */
	@Test
	void sharpAttentionHasNoSubnormalProbabilities() {
		SelfAttention attention = new SelfAttention("G", "att", 16, false, false, new Init(new Rng(2), DataType.FLOAT, 1.0));
		Pass pass = Pass.train();
		attention.forward(Nd4j.rand(DataType.FLOAT, 2, 16, 8, 8).subi(0.5).muli(40), pass);
		INDArray probabilities = (INDArray) pass.saved(attention)[3];
		long subnormal = 0;
		for (float p : probabilities.dup().data().asFloat()) {
			subnormal += p != 0 && Math.abs(p) < Float.MIN_NORMAL ? 1 : 0;
		}
		assertEquals(0, subnormal, "subnormal attention probabilities");
		assertEquals(2 * 64, probabilities.sumNumber().doubleValue(), 1e-3, "rows sum to 1");
	}

	private static void assertClose(String what, INDArray expected, INDArray actual) {
		double error = expected.sub(actual.castTo(DataType.DOUBLE).reshape(expected.shape())).norm2Number().doubleValue();
		double scale = expected.norm2Number().doubleValue();
		assertTrue(error <= 1e-4 * scale, what + ": relative error " + error / scale);
	}
}

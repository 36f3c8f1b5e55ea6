package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares back-propagated gradients with central finite differences of L = sum(f(x) * R) for a fixed
 * random R, in double precision, on a sample of entries of the input and of every parameter.
 */
final class GradientCheck {

	private static final double H = 1e-6;
	private static final int ENTRIES = 12;

	private GradientCheck() {
	}

	interface Network {
		INDArray forward(INDArray x, Pass pass);

		INDArray backward(INDArray g, Pass pass);

		java.util.List<Param> params();
	}

	static void check(String what, Network net, INDArray x, Function<Pass, Pass> passSetup) {
		Rng rng = new Rng(99);
		INDArray out = net.forward(x, passSetup.apply(Pass.probe()));
		INDArray r = rng.gaussian(DataType.DOUBLE, out.shape());
		net.params().forEach(Param::zeroGrad);
		Pass pass = passSetup.apply(Pass.probe());
		net.forward(x, pass);
		INDArray dx = net.backward(r, pass);
		Function<Void, Double> loss = v -> net.forward(x, passSetup.apply(Pass.probe())).mul(r).sumNumber().doubleValue();
		compare(what + " input", x, dx, loss, rng);
		for (Param p : net.params()) {
			if (p.isTrainable()) {
				compare(what + " " + p.name(), p.value(), p.grad(), loss, rng);
			}
		}
	}

	private static void compare(String what, INDArray values, INDArray analytic, Function<Void, Double> loss, Rng rng) {
		long n = values.length();
		INDArray flatValues = values.reshape(n);
		INDArray flatGrad = analytic.dup('c').reshape(n);
		double scale = Math.max(1e-3, flatGrad.norm2Number().doubleValue() / Math.sqrt(n));
		for (int k = 0; k < Math.min(ENTRIES, n); k++) {
			long i = n <= ENTRIES ? k : rng.nextInt((int) n);
			double saved = flatValues.getDouble(i);
			flatValues.putScalar(i, saved + H);
			double plus = loss.apply(null);
			flatValues.putScalar(i, saved - H);
			double minus = loss.apply(null);
			flatValues.putScalar(i, saved);
			double numeric = (plus - minus) / (2 * H);
			double got = flatGrad.getDouble(i);
			double error = Math.abs(numeric - got) / Math.max(scale, Math.abs(numeric) + Math.abs(got));
			assertTrue(error < 1e-4, what + "[" + i + "]: backprop " + got + " vs finite difference " + numeric);
		}
	}
}

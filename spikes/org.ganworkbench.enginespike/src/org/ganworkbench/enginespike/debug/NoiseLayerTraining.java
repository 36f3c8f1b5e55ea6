package org.ganworkbench.enginespike.debug;

import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.ganworkbench.enginespike.engine.TorchEngine;
import org.ganworkbench.enginespike.layers.ScaledNoise;

/**
 * The debuggee of {@link BreakpointDemo}: a custom layer written in Java against the engine
 * interface (ScaledNoise, forward only) in a few libtorch training steps, then its backward from
 * autograd checked against central differences.
 */
public final class NoiseLayerTraining {

	private NoiseLayerTraining() {
	}

	public static void main(String[] args) throws Exception {
		TorchEngine e = new TorchEngine(Runtime.getRuntime().availableProcessors(), 1);
		ScaledNoise layer = new ScaledNoise(0.1);
		Tensor scale = e.parameter(0, 1, 8);
		Tensor target = e.normal(4, 8, 5, 5);
		var adam = e.adam(List.of(scale), 0.05, 0.5, 0.999);
		System.out.println("scale before training: " + TensorText.of(scale));
		for (int step = 1; step <= 3; step++) {
			Tensor x = e.normal(4, 8, 5, 5);
			Tensor loss = e.mean(e.mul(e.sub(layer.forward(e, x, scale), target), e.sub(layer.forward(e, x, scale), target)));
			adam.step(e.gradients(loss, List.of(scale), false));
			System.out.printf("step %d loss %.4f%n", step, e.values(loss)[0]);
		}
		System.out.println("scale after training: " + TensorText.of(scale));
		System.out.printf("backward from autograd against central differences: largest relative error %.2e%n",
				gradientCheck(e, layer, scale));
	}

	/** d sum(forward(x) * r) / d scale by autograd and by (f(s + h) - f(s - h)) / 2h, the noise reseeded alike. */
	static double gradientCheck(TorchEngine e, ScaledNoise layer, Tensor scale) throws Exception {
		Tensor x = e.normal(2, 8, 3, 3);
		Tensor r = e.normal(2, 8, 3, 3);
		torch.manual_seed(42);
		Tensor analytic = e.gradients(e.sumOfSquares(e.add(e.mul(layer.forward(e, x, scale), r), x)), List.of(scale), false).get(0);
		float[] a = e.values(analytic);
		float[] s = e.values(scale);
		double worst = 0;
		double h = 0.5; // the function is quadratic in scale: a central difference is exact at any h, and a
		// large h keeps float rounding small against the difference
		for (int i = 0; i < s.length; i++) {
			double[] f = new double[2];
			for (int side = 0; side < 2; side++) {
				float[] moved = s.clone();
				moved[i] += (float) (side == 0 ? h : -h);
				torch.manual_seed(42);
				Tensor out = layer.forward(e, x, e.tensor(moved, moved.length));
				f[side] = e.values(e.sumOfSquares(e.add(e.mul(out, r), x)))[0];
			}
			double numeric = (f[0] - f[1]) / (2 * h);
			worst = Math.max(worst, Math.abs(numeric - a[i]) / Math.max(1e-3, Math.abs(a[i])));
		}
		return worst;
	}
}

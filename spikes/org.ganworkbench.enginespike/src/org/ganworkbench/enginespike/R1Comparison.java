package org.ganworkbench.enginespike;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.ganworkbench.enginespike.engine.TorchEngine;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Templates;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.train.GradientPenalty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * R1 = gamma/2 mean_n ||d D(x)_n / d x||^2 on the DCGAN template's D, one set of weights and one
 * batch: the trainer's finite-difference estimate ({@link GradientPenalty}, ND4J, first derivatives
 * only) against the exact value and its parameter gradient by double backprop on libtorch.
 *
 * <p>D has batch norm with batch statistics, so D(x)_n depends on every image of the batch. The
 * trainer's estimate has the expectation sum_n ||row n of the Jacobian||^2, which the exact side
 * computes with one gradient per output; the usual PyTorch recipe (the gradient of the summed
 * output, which mixes the rows) is printed beside it.
 */
final class R1Comparison {

	private static final double GAMMA = 10;
	/** The trainer's step h for the central difference (GanStep.PENALTY_STEP). */
	private static final double H = 1e-2;

	private R1Comparison() {
	}

	static void run(long seed) throws Exception {
		String text = Templates.text("dcgan", 28, 1);
		GanModel model = GanBuilder.parse(text, "dcgan.gan");
		Discriminator trainerD = GanBuilder.discriminator(model, seed, DataType.FLOAT);
		Map<String, Param> byName = new LinkedHashMap<>();
		for (Param p : trainerD.params()) {
			byName.put(p.name(), p);
		}
		INDArray x = Nd4j.rand(DataType.FLOAT, Dcgan.BATCH, 1, 28, 28).muli(2).subi(1);

		TorchEngine torchEngine = new TorchEngine(Runtime.getRuntime().availableProcessors(), seed);
		Dcgan<Tensor> torchNet = new Dcgan<>(torchEngine);
		String[] names = { "d1.W", "d1.b", "d2.W", "d2.b", "bn2.gamma", "bn2.beta", "out.W", "out.b" };
		List<Param> trained = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			Param p = byName.get(names[i]);
			if (p == null) {
				throw new IllegalStateException("the trainer's D has no parameter " + names[i] + ": " + byName.keySet());
			}
			trained.add(p);
			Tensor target = torchNet.discriminatorParameters().get(i);
			Tensor value = torchEngine.tensor(p.value().dup('c').data().asFloat(), torchEngine.shape(target));
			try (AutoCloseable off = torchEngine.noGradients()) {
				target.copy_(value);
			}
		}
		Tensor images = torchEngine.tensor(x.dup('c').data().asFloat(), Dcgan.BATCH, 1, 28, 28).set_requires_grad(true);

		// exact, by rows of the Jacobian (what the estimate's expectation is)
		Tensor out = torchNet.discriminate(images);
		Tensor squares = null;
		for (int n = 0; n < Dcgan.BATCH; n++) {
			Tensor row = torchEngine.gradients(out.select(0, n).sum(), List.of(images), true).get(0);
			Tensor sq = row.square().sum();
			squares = squares == null ? sq : squares.add(sq);
		}
		Tensor exact = squares.mul(new org.bytedeco.pytorch.Scalar(GAMMA / 2 / Dcgan.BATCH));
		double exactValue = exact.item_float();
		float[] exactGrad = flat(torchEngine, torchEngine.gradients(exact, torchNet.discriminatorParameters(), false));
		// the usual recipe: the gradient of the summed output
		Tensor summed = torchEngine.gradients(torchNet.discriminate(images).sum(), List.of(images), true).get(0);
		double usualValue = summed.square().sum().item_float() * GAMMA / 2 / Dcgan.BATCH;

		System.out.printf("%nR1 on the DCGAN template's D (gamma %.0f, batch %d, the same weights and images on both engines)%n",
				GAMMA, Dcgan.BATCH);
		System.out.printf("  exact by double backprop (libtorch, one gradient per output): %.6g%n", exactValue);
		System.out.printf("  usual PyTorch recipe (gradient of the summed output):          %.6g (%+.2f%% from exact: batch norm couples the batch)%n",
				usualValue, 100 * (usualValue - exactValue) / exactValue);
		System.out.printf("  trainer's finite-difference estimate (ND4J, h = %.0e), K directions:%n", H);
		System.out.printf("  %6s %14s %14s %16s%n", "K", "value", "value error", "gradient error");
		Rng rng = new Rng(seed);
		for (int k : new int[] { 1, 16, 256 }) {
			for (Param p : trainedAll(trainerD)) {
				p.grad().assign(0);
			}
			// K directions as batches of at most 16: the estimate and its gradient are means over
			// directions, and ND4J's buffers are freed by the collector between batches
			int batches = Math.max(1, k / 16);
			double estimate = 0;
			for (int b = 0; b < batches; b++) {
				estimate += new GradientPenalty(H, k / batches).apply(trainerD, x, null, GAMMA, GradientPenalty.gaussian(rng)) / batches;
				System.gc();
			}
			float[] estimateGrad = flatGrads(trained);
			for (int i = 0; i < estimateGrad.length; i++) {
				estimateGrad[i] /= batches;
			}
			System.out.printf("  %6d %14.6g %13.1f%% %15.1f%%%n", k, estimate, 100 * Math.abs(estimate - exactValue) / exactValue,
					100 * relativeError(estimateGrad, exactGrad));
		}
		System.out.println("  (errors relative to the exact value and to the norm of the exact gradient over D's parameters)");
	}

	private static List<Param> trainedAll(Discriminator d) {
		return d.params().stream().filter(Param::isTrainable).toList();
	}

	private static float[] flat(TorchEngine engine, List<Tensor> tensors) {
		List<float[]> parts = new ArrayList<>();
		for (Tensor t : tensors) {
			parts.add(engine.values(t));
		}
		return concat(parts);
	}

	private static float[] flatGrads(List<Param> params) {
		List<float[]> parts = new ArrayList<>();
		for (Param p : params) {
			parts.add(p.grad().dup('c').data().asFloat());
		}
		return concat(parts);
	}

	private static float[] concat(List<float[]> parts) {
		float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
		int at = 0;
		for (float[] a : parts) {
			System.arraycopy(a, 0, out, at, a.length);
			at += a.length;
		}
		return out;
	}

	private static double relativeError(float[] estimate, float[] exact) {
		double diff = 0;
		double norm = 0;
		for (int i = 0; i < exact.length; i++) {
			diff += (estimate[i] - exact[i]) * (double) (estimate[i] - exact[i]);
			norm += exact[i] * (double) exact[i];
		}
		return Math.sqrt(diff / norm);
	}
}

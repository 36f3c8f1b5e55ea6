package org.ganworkbench.trainer.api;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer written by the user in Java, named in a model file by {@code custom { class = "..." }}.
 * The trainer creates one instance per layer (public no-argument constructor), calls {@link #setup}
 * once, then {@link #forward} and {@link #backward} in every training step, on the training thread,
 * so a breakpoint in them stops a step with its live activations.
 *
 * <p>Arrays are NCHW batches ([N, C, H, W], or [N, F] for vectors). {@code backward} receives dL/dOutput
 * and returns dL/dInput; gradients of the layer's own parameters are added with
 * {@link Context#addGradient}. Save what backward needs with {@link Context#save} rather than in
 * fields: the same layer runs several passes per step (real and generated images) before their
 * backward passes.
 *
 * <p>A training run checks {@code backward} against finite differences of {@code forward} before its
 * first step and stops when they disagree; the {@code check-layer} command and
 * {@code org.ganworkbench.trainer.api.check.CustomLayerCheck} run the same check alone
 * (docs/debugging-custom-layers.md).
 */
public interface CustomLayer {

	/** What a layer can ask for when it is built. */
	interface Setup {

		/** Shape of one input sample: [C, H, W] or [F]. */
		long[] inputShape();

		/** The keys written in the model file's layer block, as decoded values (Double, String, Boolean, List). */
		Map<String, Object> options();

		/**
		 * Declares a trained parameter with its initial value (the array is kept and updated in place).
		 * The sizes of all parameters must add up to the {@code params} the model file declares.
		 */
		void addParameter(String name, INDArray initialValue);

		/** An array of standard normal values from the trainer's seeded generator. */
		INDArray gaussian(long... shape);
	}

	/** One pass of the layer. */
	interface Context {

		/** Training pass (batch statistics, noise) or inference (sampling). */
		boolean training();

		/** The training step this pass belongs to. */
		long step();

		INDArray parameter(String name);

		void addGradient(String name, INDArray gradient);

		/** Keeps values for {@link CustomLayer#backward} of this pass. */
		void save(Object... values);

		Object[] saved();

		/** Standard normal values from the trainer's seeded generator (repeatable, checkpointed). */
		INDArray gaussian(long... shape);
	}

	default void setup(Setup setup) {
	}

	INDArray forward(INDArray input, Context context);

	INDArray backward(INDArray gradOutput, Context context);
}

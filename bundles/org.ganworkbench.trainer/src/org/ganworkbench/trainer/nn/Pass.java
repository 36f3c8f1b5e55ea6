package org.ganworkbench.trainer.nn;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward pass through a network and what its backward pass needs: each module saves its
 * intermediate values here rather than in fields, so the same network can run several passes (real
 * and fake batches, perturbed copies for R1) and back-propagate any of them.
 */
public final class Pass {

	/** Whether batch norm uses batch statistics (training) or its running ones. */
	public final boolean training;
	/** Whether the pass advances state: power iteration of spectral norm, batch-norm running statistics. */
	public final boolean updateState;
	/**
	 * Whether backward adds parameter gradients. Off for D in the G step, where only the gradient that
	 * reaches the images is used: skipping D's weight gradients there changes no result.
	 */
	public final boolean paramGradients;
	private final Map<Object, Object[]> saved = new IdentityHashMap<>();
	private int[] labels;
	private final Map<String, INDArray> vectors = new HashMap<>();
	private final Map<String, INDArray> vectorGrads = new HashMap<>();

	public Pass(boolean training, boolean updateState) {
		this(training, updateState, true);
	}

	private Pass(boolean training, boolean updateState, boolean paramGradients) {
		this.training = training;
		this.updateState = updateState;
		this.paramGradients = paramGradients;
	}

	public static Pass train() {
		return new Pass(true, true);
	}

	/** A training-mode pass that changes no state: for extra evaluations such as the R1 estimate. */
	public static Pass probe() {
		return new Pass(true, false);
	}

	/** Like {@link #probe()}, and backward computes input gradients only (D in the G step). */
	public static Pass inputGradientsOnly() {
		return new Pass(true, false, false);
	}

	public static Pass inference() {
		return new Pass(false, false);
	}

	public void save(Object owner, Object... values) {
		saved.put(owner, values);
	}

	public Object[] saved(Object owner) {
		Object[] values = saved.get(owner);
		if (values == null) {
			throw new IllegalStateException("backward without forward for " + owner);
		}
		return values;
	}

	/** Class labels of the batch, null for an unconditional model. */
	public int[] labels() {
		return labels;
	}

	public Pass withLabels(int[] classes) {
		this.labels = classes;
		return this;
	}

	/**
	 * A per-sample vector that layers condition on, by name: "class" (G's shared class embedding) and
	 * "z1".."zK" (the latent chunks of hierarchical latents).
	 */
	public INDArray vector(String key) {
		INDArray value = vectors.get(key);
		if (value == null) {
			throw new IllegalStateException("no conditioning vector '" + key + "' in this pass");
		}
		return value;
	}

	public void setVector(String key, INDArray value) {
		vectors.put(key, value);
		vectorGrads.remove(key);
	}

	public void addVectorGrad(String key, INDArray grad) {
		vectorGrads.merge(key, grad.dup(), INDArray::addi);
	}

	/** The gradient that layers sent to a conditioning vector, null if none. */
	public INDArray vectorGrad(String key) {
		return vectorGrads.get(key);
	}
}

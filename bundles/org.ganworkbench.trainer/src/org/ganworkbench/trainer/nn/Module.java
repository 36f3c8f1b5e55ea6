package org.ganworkbench.trainer.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer or block: forward saves what backward needs in the {@link Pass}; backward adds parameter
 * gradients to the {@link Param}s and returns the gradient of each input.
 */
public abstract class Module {

	protected final String name;

	protected Module(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	public abstract INDArray forward(INDArray[] inputs, Pass pass);

	public abstract INDArray[] backward(INDArray gradOutput, Pass pass);

	/**
	 * Whether a sample's output depends on the other samples of the batch (batch statistics). Networks
	 * without such layers can run real and generated images as one batch with the same result.
	 */
	public boolean mixesSamples() {
		return false;
	}

	/** Trained parameters and state, named "layer.param". */
	public List<Param> params() {
		return List.of();
	}

	/** The weight matrices, for spectral norm, orthogonal regularisation and singular-value monitoring. */
	public List<Weight> weights() {
		return List.of();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " " + name;
	}
}

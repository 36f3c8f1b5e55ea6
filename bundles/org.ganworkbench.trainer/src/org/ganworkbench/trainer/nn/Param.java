package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named tensor of a network: trained parameters carry a gradient that backward passes add to;
 * state (batch-norm statistics, spectral-norm vectors) has none and is only checkpointed.
 */
public final class Param {

	private final String name;
	private final INDArray value;
	private final INDArray grad;
	private final boolean auxiliary;

	private Param(String name, INDArray value, boolean trainable, boolean auxiliary) {
		this.name = name;
		this.value = value;
		this.grad = trainable ? value.ulike().assign(0) : null;
		this.auxiliary = auxiliary;
	}

	public static Param trainable(String name, INDArray value) {
		return new Param(name, value, true, false);
	}

	public static Param state(String name, INDArray value) {
		return new Param(name, value, false, false);
	}

	/** State that is not a parameter of the model (spectral norm's u): checkpointed, not counted. */
	public static Param auxiliary(String name, INDArray value) {
		return new Param(name, value, false, true);
	}

	/** Whether the model's parameter count includes this tensor (DL4J counts batch-norm statistics). */
	public boolean isCounted() {
		return !auxiliary;
	}

	public String name() {
		return name;
	}

	public INDArray value() {
		return value;
	}

	public boolean isTrainable() {
		return grad != null;
	}

	public INDArray grad() {
		return grad;
	}

	public void addGrad(INDArray delta) {
		grad.addi(delta.reshape(grad.shape()));
	}

	public void zeroGrad() {
		if (grad != null) {
			grad.assign(0);
		}
	}

	@Override
	public String toString() {
		return name + java.util.Arrays.toString(value.shape());
	}
}

package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A module with one input. */
public abstract class SingleInputModule extends Module {

	protected SingleInputModule(String name) {
		super(name);
	}

	public abstract INDArray forward(INDArray input, Pass pass);

	public abstract INDArray backward1(INDArray gradOutput, Pass pass);

	@Override
	public final INDArray forward(INDArray[] inputs, Pass pass) {
		if (inputs.length != 1) {
			throw new IllegalArgumentException(name + " takes one input, got " + inputs.length);
		}
		return forward(inputs[0], pass);
	}

	@Override
	public final INDArray[] backward(INDArray gradOutput, Pass pass) {
		return new INDArray[] { backward1(gradOutput, pass) };
	}
}

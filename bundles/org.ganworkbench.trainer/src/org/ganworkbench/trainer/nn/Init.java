package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Initial values: weights N(0, std) from the seeded generator (DCGAN's 0.02 by default). */
public final class Init {

	private final Rng rng;
	private final DataType type;
	private final double std;

	public Init(Rng rng, DataType type, double std) {
		this.rng = rng;
		this.type = type;
		this.std = std;
	}

	public Rng rng() {
		return rng;
	}

	public DataType type() {
		return type;
	}

	public INDArray weight(long... shape) {
		return rng.gaussian(type, shape).muli(std);
	}

	public INDArray zeros(long... shape) {
		return Nd4j.zeros(type, shape);
	}

	public INDArray ones(long... shape) {
		return Nd4j.ones(type, shape);
	}
}

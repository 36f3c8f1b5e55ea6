package org.ganworkbench.model;

/** The optimiser of one network. */
public enum OptimizerKind implements Keyword {
	ADAM, RMSPROP, SGD;
}

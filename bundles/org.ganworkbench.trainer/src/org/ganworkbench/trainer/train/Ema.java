package org.ganworkbench.trainer.train;

import java.util.List;

import org.ganworkbench.trainer.nn.Param;

/**
 * BigGAN's exponential moving average of G: a second generator whose tensors (parameters and
 * batch-norm statistics) follow G's; before the start step they copy G's exactly.
 */
public final class Ema {

	private final List<Param> source;
	private final List<Param> target;
	private final double decay;
	private final long start;

	public Ema(List<Param> source, List<Param> target, double decay, long start) {
		if (source.size() != target.size()) {
			throw new IllegalArgumentException("EMA generator does not match G");
		}
		this.source = source;
		this.target = target;
		this.decay = decay;
		this.start = start;
		copy();
	}

	public void update(long step) {
		if (step < start) {
			copy();
			return;
		}
		for (int i = 0; i < source.size(); i++) {
			target.get(i).value().muli(decay).addi(source.get(i).value().mul(1 - decay));
		}
	}

	private void copy() {
		for (int i = 0; i < source.size(); i++) {
			target.get(i).value().assign(source.get(i).value());
		}
	}
}

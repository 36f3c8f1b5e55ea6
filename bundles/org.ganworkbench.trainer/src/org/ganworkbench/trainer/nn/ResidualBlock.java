package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A residual block: main path plus shortcut path (identity when empty), as in BigGAN's G and D blocks. */
public final class ResidualBlock extends SingleInputModule {

	private final Chain main;
	private final Chain shortcut;

	public ResidualBlock(String name, Chain main, Chain shortcut) {
		super(name);
		this.main = main;
		this.shortcut = shortcut;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		return main.forward(x, pass).add(shortcut.forward(x, pass));
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		return main.backward1(g, pass).addi(shortcut.backward1(g, pass));
	}

	@Override
	public boolean mixesSamples() {
		return main.mixesSamples() || shortcut.mixesSamples();
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>(main.params());
		list.addAll(shortcut.params());
		return list;
	}

	@Override
	public List<Weight> weights() {
		List<Weight> list = new ArrayList<>(main.weights());
		list.addAll(shortcut.weights());
		return list;
	}
}

package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Single-input modules applied one after the other (a layer with its activation, a block's path). */
public final class Chain extends SingleInputModule {

	private final List<SingleInputModule> modules;

	public Chain(String name, List<SingleInputModule> modules) {
		super(name);
		this.modules = List.copyOf(modules);
	}

	public List<SingleInputModule> modules() {
		return modules;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		INDArray y = x;
		for (SingleInputModule module : modules) {
			y = module.forward(y, pass);
		}
		return y;
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		INDArray grad = g;
		for (int i = modules.size() - 1; i >= 0; i--) {
			grad = modules.get(i).backward1(grad, pass);
		}
		return grad;
	}

	@Override
	public boolean mixesSamples() {
		return modules.stream().anyMatch(Module::mixesSamples);
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		modules.forEach(m -> list.addAll(m.params()));
		return list;
	}

	@Override
	public List<Weight> weights() {
		List<Weight> list = new ArrayList<>();
		modules.forEach(m -> list.addAll(m.weights()));
		return list;
	}
}

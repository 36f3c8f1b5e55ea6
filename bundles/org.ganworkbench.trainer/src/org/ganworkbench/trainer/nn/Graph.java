package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.trainer.api.debug.NonFiniteHook;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as a graph of modules in topological order: each node names the nodes (or the network
 * input) it reads. Backward walks the nodes in reverse and sums the gradients of shared outputs.
 * With stop on NaN armed, every output and returned gradient goes past {@link NonFiniteHook}.
 */
public final class Graph {

	/** A module with the names of its inputs. */
	public record Node(Module module, List<String> inputs) {
	}

	private final String inputName;
	private final List<Node> nodes;
	private final String outputName;

	public Graph(String inputName, List<Node> nodes, String outputName) {
		this.inputName = inputName;
		this.nodes = List.copyOf(nodes);
		this.outputName = outputName;
	}

	public List<Node> nodes() {
		return nodes;
	}

	public INDArray forward(INDArray input, Pass pass) {
		Map<String, INDArray> values = new HashMap<>();
		values.put(inputName, input);
		for (Node node : nodes) {
			INDArray[] ins = new INDArray[node.inputs().size()];
			for (int i = 0; i < ins.length; i++) {
				ins[i] = values.get(node.inputs().get(i));
			}
			INDArray output = node.module().forward(ins, pass);
			if (NonFiniteHook.armed()) {
				NonFiniteHook.check(node.module().name(), "forward", ins, output);
			}
			values.put(node.module().name(), output);
		}
		pass.save(this, input.shape());
		return values.get(outputName);
	}

	/** Back-propagates dL/dOutput; adds parameter gradients and returns dL/dInput. */
	public INDArray backward(INDArray gradOutput, Pass pass) {
		Map<String, INDArray> grads = new HashMap<>();
		grads.put(outputName, gradOutput);
		for (int n = nodes.size() - 1; n >= 0; n--) {
			Node node = nodes.get(n);
			INDArray g = grads.remove(node.module().name());
			if (g == null) {
				continue; // does not reach the output
			}
			INDArray[] ins = node.module().backward(g, pass);
			if (NonFiniteHook.armed()) {
				for (INDArray gradient : ins) {
					NonFiniteHook.check(node.module().name(), "backward", new INDArray[] { g }, gradient);
				}
			}
			for (int i = 0; i < ins.length; i++) {
				grads.merge(node.inputs().get(i), ins[i], INDArray::add);
			}
		}
		INDArray result = grads.get(inputName);
		return result != null ? result : org.nd4j.linalg.factory.Nd4j.zeros(gradOutput.dataType(),
				(long[]) pass.saved(this)[0]);
	}

	/** Whether any module uses batch statistics (see {@link Module#mixesSamples()}). */
	public boolean mixesSamples() {
		return nodes.stream().anyMatch(n -> n.module().mixesSamples());
	}

	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		nodes.forEach(n -> list.addAll(n.module().params()));
		return list;
	}

	public List<Weight> weights() {
		List<Weight> list = new ArrayList<>();
		nodes.forEach(n -> list.addAll(n.module().weights()));
		return list;
	}

	/** The modules of a kind, also inside chains and blocks are not searched (top level only). */
	public <T extends Module> List<T> modules(Class<T> type) {
		List<T> list = new ArrayList<>();
		for (Node node : nodes) {
			collect(node.module(), type, list);
		}
		return list;
	}

	private static <T extends Module> void collect(Module module, Class<T> type, List<T> list) {
		if (type.isInstance(module)) {
			list.add(type.cast(module));
		}
		if (module instanceof Chain chain) {
			chain.modules().forEach(m -> collect(m, type, list));
		}
	}
}

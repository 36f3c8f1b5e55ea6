package org.ganworkbench.trainer.build;

import java.util.List;

import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Weight;
import org.nd4j.linalg.api.ndarray.INDArray;

/** D: its graph; the batch's labels reach a projection head through the pass. Outputs [N, 1]. */
public final class Discriminator {

	private final Graph graph;

	public Discriminator(Graph graph) {
		this.graph = graph;
	}

	public Graph graph() {
		return graph;
	}

	public INDArray forward(INDArray images, int[] labels, Pass pass) {
		INDArray out = graph.forward(images, pass.withLabels(labels));
		return out.reshape(out.size(0), 1);
	}

	/** Adds D's parameter gradients and returns dL/dImages. */
	public INDArray backward(INDArray gradOutput, Pass pass) {
		return graph.backward(gradOutput, pass);
	}

	public List<Param> params() {
		return graph.params();
	}

	public List<Weight> weights() {
		return graph.weights();
	}
}

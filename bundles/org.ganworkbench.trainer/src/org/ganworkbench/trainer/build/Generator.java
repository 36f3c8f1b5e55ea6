package org.ganworkbench.trainer.build;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.trainer.nn.Embedding;
import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Weight;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * G: its graph, BigGAN's shared class embedding (conditional models) and the split of z into the
 * chunk G reads and the chunks its gblocks condition on (hierarchical latents).
 */
public final class Generator {

	private final Graph graph;
	private final Embedding sharedEmbedding;
	private final int chunks;

	public Generator(Graph graph, Embedding sharedEmbedding, int chunks) {
		this.graph = graph;
		this.sharedEmbedding = sharedEmbedding;
		this.chunks = chunks;
	}

	public Graph graph() {
		return graph;
	}

	public INDArray forward(INDArray z, int[] labels, Pass pass) {
		pass.withLabels(labels);
		if (sharedEmbedding != null) {
			pass.setVector(NetworkFactory.CLASS_VECTOR, sharedEmbedding.forward(labels, pass));
		}
		INDArray input = z;
		if (chunks > 1) {
			long size = z.size(1) / chunks;
			input = chunk(z, 0, size);
			for (int k = 1; k < chunks; k++) {
				pass.setVector(NetworkFactory.chunkVector(k), chunk(z, k, size));
			}
		}
		return graph.forward(input, pass);
	}

	private static INDArray chunk(INDArray z, int index, long size) {
		return z.get(NDArrayIndex.all(), NDArrayIndex.interval(index * size, (index + 1) * size)).dup();
	}

	/** Back-propagates dL/dImage into G's parameters. */
	public void backward(INDArray gradImages, Pass pass) {
		graph.backward(gradImages, pass);
		if (sharedEmbedding != null && pass.vectorGrad(NetworkFactory.CLASS_VECTOR) != null) {
			sharedEmbedding.backward(pass.vectorGrad(NetworkFactory.CLASS_VECTOR), pass);
		}
	}

	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		if (sharedEmbedding != null) {
			list.addAll(sharedEmbedding.params());
		}
		list.addAll(graph.params());
		return list;
	}

	/** Weight matrices for monitoring and orthogonal regularisation (the embedding table excluded). */
	public List<Weight> weights() {
		return graph.weights();
	}
}

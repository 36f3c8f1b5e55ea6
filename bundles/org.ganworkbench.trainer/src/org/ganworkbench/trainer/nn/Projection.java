package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The projection discriminator's head (Miyato and Koyama 2018): linear(h) + embed(y) . h. */
public final class Projection extends SingleInputModule {

	private final Dense linear;
	private final Embedding embedding;

	public Projection(String network, String name, long features, long classes, boolean spectralNorm, Init init) {
		super(name);
		linear = new Dense(network, name + ".linear", features, 1, true, spectralNorm, init);
		embedding = new Embedding(network, name + ".embed", classes, features, spectralNorm, init);
	}

	@Override
	public INDArray forward(INDArray h, Pass pass) {
		int[] labels = pass.labels();
		if (labels == null) {
			throw new IllegalStateException(name + " needs the class labels of the batch");
		}
		INDArray e = embedding.forward(labels, pass);
		pass.save(this, h, e);
		return linear.forward(h, pass).addi(e.mul(h).sum(true, 1));
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		Object[] s = pass.saved(this);
		INDArray h = (INDArray) s[0];
		INDArray e = (INDArray) s[1];
		if (pass.paramGradients) {
			embedding.backward(h.mul(g), pass);
		}
		return linear.backward1(g, pass).addi(e.mul(g));
	}

	@Override
	public List<Param> params() {
		List<Param> list = new ArrayList<>(linear.params());
		list.addAll(embedding.params());
		return list;
	}

	@Override
	public List<Weight> weights() {
		return List.of(linear.weights().get(0), embedding.weight());
	}
}

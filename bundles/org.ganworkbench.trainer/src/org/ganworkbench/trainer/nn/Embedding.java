package org.ganworkbench.trainer.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A table of one learned vector per class: rows [classes, size] picked by label. */
public final class Embedding {

	private final Weight table;

	public Embedding(String network, String name, long classes, long size, boolean spectralNorm, Init init) {
		table = new Weight(network, name, Param.trainable(name + ".W", init.weight(classes, size)), 0, spectralNorm,
				init.rng());
	}

	public INDArray forward(int[] labels, Pass pass) {
		INDArray w = table.forward(pass);
		INDArray rows = Nd4j.pullRows(w, 1, labels);
		pass.save(this, labels);
		return rows;
	}

	/** Adds the gradient of the rows returned by the last forward of this pass. */
	public void backward(INDArray gradRows, Pass pass) {
		int[] labels = (int[]) pass.saved(this)[0];
		INDArray grad = Nd4j.zeros(gradRows.dataType(), table.param().value().shape());
		for (int i = 0; i < labels.length; i++) {
			grad.getRow(labels[i]).addi(gradRows.getRow(i));
		}
		table.backward(grad, pass);
	}

	public List<Param> params() {
		return table.params();
	}

	public Weight weight() {
		return table;
	}
}

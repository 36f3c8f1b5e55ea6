package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Sum of inputs of one shape ("add"), or concatenation along channels ("concat"). */
public final class Merge extends Module {

	private final boolean concat;

	public Merge(String name, boolean concat) {
		super(name);
		this.concat = concat;
	}

	@Override
	public INDArray forward(INDArray[] inputs, Pass pass) {
		if (concat) {
			long[] widths = new long[inputs.length];
			for (int i = 0; i < inputs.length; i++) {
				widths[i] = inputs[i].size(1);
			}
			pass.save(this, (Object) widths);
			return Nd4j.concat(1, inputs);
		}
		INDArray sum = inputs[0].dup();
		for (int i = 1; i < inputs.length; i++) {
			sum.addi(inputs[i]);
		}
		pass.save(this, inputs.length);
		return sum;
	}

	@Override
	public INDArray[] backward(INDArray g, Pass pass) {
		Object saved = pass.saved(this)[0];
		if (!concat) {
			INDArray[] grads = new INDArray[(Integer) saved];
			java.util.Arrays.fill(grads, g);
			return grads;
		}
		long[] widths = (long[]) saved;
		INDArray[] grads = new INDArray[widths.length];
		long offset = 0;
		for (int i = 0; i < widths.length; i++) {
			INDArrayIndex[] index = new INDArrayIndex[g.rank()];
			for (int d = 0; d < index.length; d++) {
				index[d] = NDArrayIndex.all();
			}
			index[1] = NDArrayIndex.interval(offset, offset + widths[i]);
			grads[i] = g.get(index).dup();
			offset += widths[i];
		}
		return grads;
	}
}

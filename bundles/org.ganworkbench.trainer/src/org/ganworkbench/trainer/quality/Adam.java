package org.ganworkbench.trainer.quality;

import java.util.List;

import org.ganworkbench.trainer.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam for the feature network: the trainer's optimiser is configured from a model file, this is not. */
final class Adam {

	private static final double BETA1 = 0.9;
	private static final double BETA2 = 0.999;
	private static final double EPS = 1e-8;

	private final List<Param> params;
	private final INDArray[] first;
	private final INDArray[] second;
	private final double lr;
	private long t;

	Adam(List<Param> all, double lr) {
		this.params = all.stream().filter(Param::isTrainable).toList();
		this.lr = lr;
		this.first = new INDArray[params.size()];
		this.second = new INDArray[params.size()];
		for (int i = 0; i < params.size(); i++) {
			first[i] = params.get(i).value().ulike().assign(0);
			second[i] = params.get(i).value().ulike().assign(0);
		}
	}

	void zeroGrad() {
		params.forEach(Param::zeroGrad);
	}

	void step() {
		t++;
		double corrected = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
		for (int i = 0; i < params.size(); i++) {
			INDArray g = params.get(i).grad();
			first[i].muli(BETA1).addi(g.mul(1 - BETA1));
			second[i].muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
			params.get(i).value().subi(first[i].div(Transforms.sqrt(second[i], true).addi(EPS)).muli(corrected));
		}
	}
}

package org.ganworkbench.trainer.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.model.OptimizerSpec;
import org.ganworkbench.trainer.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (default), RMSProp or SGD over the trained parameters of one network, with its own state. */
public final class Optimizer {

	private final OptimizerKind kind;
	private final double lr;
	private final double beta1;
	private final double beta2;
	private final double eps;
	private final List<Param> params;
	private final Map<String, INDArray> first = new LinkedHashMap<>();
	private final Map<String, INDArray> second = new LinkedHashMap<>();
	private long t;

	public Optimizer(OptimizerSpec spec, List<Param> all) {
		this(spec.type(), spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon(), all);
	}

	/** For a network that no model file configures (the quality metrics' feature network). */
	public Optimizer(OptimizerKind kind, double lr, double beta1, double beta2, double eps, List<Param> all) {
		this.kind = kind;
		this.lr = lr;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.eps = eps;
		this.params = all.stream().filter(Param::isTrainable).toList();
		for (Param p : params) {
			first.put(p.name(), p.value().ulike().assign(0));
			second.put(p.name(), p.value().ulike().assign(0));
		}
	}

	public void zeroGrad() {
		params.forEach(Param::zeroGrad);
	}

	/** The L2 norm of all gradients (before the update), for monitoring. */
	public double gradNorm() {
		double sum = 0;
		for (Param p : params) {
			double n = p.grad().norm2Number().doubleValue();
			sum += n * n;
		}
		return Math.sqrt(sum);
	}

	public void step() {
		t++;
		for (Param p : params) {
			INDArray g = p.grad();
			INDArray m = first.get(p.name());
			INDArray v = second.get(p.name());
			switch (kind) {
			case SGD -> p.value().subi(g.mul(lr));
			case RMSPROP -> {
				v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
				p.value().subi(g.div(Transforms.sqrt(v, true).addi(eps)).muli(lr));
			}
			default -> {
				// libnd4j's fused Adam: moments updated in place and the step computed in one kernel
				// (was eight element-wise ops and their temporaries per parameter); same formula, t counted from 0
				INDArray update = g.ulike();
				Nd4j.exec(new AdamUpdater(g, v, m, update, v, m, lr, beta1, beta2, eps, (int) (t - 1)));
				p.value().subi(update);
			}
			}
		}
	}

	public long steps() {
		return t;
	}

	/** Moments for a checkpoint, named "m/PARAM" and "v/PARAM". */
	public Map<String, INDArray> state() {
		Map<String, INDArray> state = new LinkedHashMap<>();
		first.forEach((k, v) -> state.put("m/" + k, v));
		second.forEach((k, v) -> state.put("v/" + k, v));
		return state;
	}

	public void restore(Map<String, INDArray> state, long steps) {
		first.forEach((k, v) -> v.assign(state.get("m/" + k)));
		second.forEach((k, v) -> v.assign(state.get("v/" + k)));
		t = steps;
	}
}

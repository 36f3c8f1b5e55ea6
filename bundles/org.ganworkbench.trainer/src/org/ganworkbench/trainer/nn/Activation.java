package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations: relu, leaky_relu (slope), tanh, sigmoid, identity. */
public final class Activation extends SingleInputModule {

	public enum Kind {
		IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID
	}

	private final Kind kind;
	private final double slope;

	public Activation(String name, Kind kind, double slope) {
		super(name);
		this.kind = kind;
		this.slope = slope;
	}

	public static Kind kindOf(String keyword) {
		return switch (keyword) {
		case "relu" -> Kind.RELU;
		case "leaky_relu" -> Kind.LEAKY_RELU;
		case "tanh" -> Kind.TANH;
		case "sigmoid" -> Kind.SIGMOID;
		default -> Kind.IDENTITY;
		};
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		INDArray y = switch (kind) {
		case IDENTITY -> x;
		case RELU -> Transforms.relu(x, true);
		case LEAKY_RELU -> Transforms.leakyRelu(x, slope, true);
		case TANH -> Transforms.tanh(x, true);
		case SIGMOID -> Transforms.sigmoid(x, true);
		};
		pass.save(this, kind == Kind.TANH || kind == Kind.SIGMOID ? y : x);
		return y;
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		INDArray s = (INDArray) pass.saved(this)[0];
		return switch (kind) {
		case IDENTITY -> g;
		// libnd4j's fused backward kernels: one pass, one output array (was four temporaries)
		case RELU -> Ops.reluBackward(s, g);
		case LEAKY_RELU -> Ops.leakyReluBackward(s, g, slope);
		case TANH -> g.mul(s.mul(s).rsubi(1));
		case SIGMOID -> g.mul(s.rsub(1).muli(s));
		};
	}
}

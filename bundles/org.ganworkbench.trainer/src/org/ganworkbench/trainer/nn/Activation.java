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
		if (kind == Kind.LEAKY_RELU) {
			// the slope per element (1 or slope) by a vectorised op, kept for backward; y = slope * x.
			// libnd4j's leaky-ReLU kernels take 5x (forward) and 7x (backward) as long on these sizes
			INDArray derivative = Transforms.leakyReluDerivative(x, slope, true);
			pass.save(this, derivative);
			return x.mul(derivative);
		}
		INDArray y = switch (kind) {
		case RELU -> Transforms.relu(x, true);
		case TANH -> Transforms.tanh(x, true);
		case SIGMOID -> Transforms.sigmoid(x, true);
		default -> x;
		};
		pass.save(this, kind == Kind.TANH || kind == Kind.SIGMOID ? y : x);
		return y;
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		INDArray s = (INDArray) pass.saved(this)[0];
		return switch (kind) {
		case IDENTITY -> g;
		// a vectorised step function times g: libnd4j's relu_bp calls a std::function per element
		case RELU -> Transforms.step(s).muli(g);
		case LEAKY_RELU -> g.mul(s); // s is the saved slope per element
		case TANH -> g.mul(s.mul(s).rsubi(1));
		case SIGMOID -> g.mul(s.rsub(1).muli(s));
		};
	}
}

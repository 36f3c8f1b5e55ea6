package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test fixture: y = x * scale[c], with a deliberately wrong backward: the gradient of {@code scale}
 * leaves out the input (sum of gradOutput instead of sum of gradOutput * x). The input's gradient is right.
 */
public class WrongGradientLayer implements CustomLayer {

	@Override
	public void setup(Setup setup) {
		setup.addParameter("scale", Nd4j.ones(setup.inputShape()[0]));
	}

	@Override
	public INDArray forward(INDArray input, Context context) {
		context.save(input);
		return input.mul(scale(input, context));
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		INDArray input = (INDArray) context.saved()[0];
		// the bug: d y / d scale[c] is the sum of gradOutput * input, not of gradOutput alone
		context.addGradient("scale", input.rank() == 4 ? gradOutput.sum(0, 2, 3) : gradOutput.sum(0));
		return gradOutput.mul(scale(input, context));
	}

	private static INDArray scale(INDArray input, Context context) {
		INDArray scale = context.parameter("scale");
		return input.rank() == 4 ? scale.reshape(1, input.size(1), 1, 1) : scale.reshape(1, input.size(1));
	}
}

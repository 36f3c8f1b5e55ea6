package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test fixture: a layer with one weight that turns NaN at step 3 (a diverging run). Its backward is
 * right, so the gradient check at the run's start passes it.
 */
public class NanInjector implements CustomLayer {

	@Override
	public void setup(Setup setup) {
		setup.addParameter("gain", Nd4j.ones(1));
	}

	@Override
	public INDArray forward(INDArray input, Context context) {
		if (context.step() >= 3) {
			context.parameter("gain").assign(Double.NaN);
		}
		context.save(input);
		return input.mul(context.parameter("gain").getDouble(0));
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		INDArray input = (INDArray) context.saved()[0];
		context.addGradient("gain", gradOutput.mul(input).sum().reshape(1));
		return gradOutput.mul(context.parameter("gain").getDouble(0));
	}
}

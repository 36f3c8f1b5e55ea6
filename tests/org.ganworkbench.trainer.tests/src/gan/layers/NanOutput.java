package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test fixture: from step 3 on, one value of the output is NaN (stop on NaN stops there). Its
 * backward is right before that, so the gradient check at the run's start passes it.
 */
public class NanOutput implements CustomLayer {

	@Override
	public void setup(Setup setup) {
		setup.addParameter("gain", Nd4j.ones(1));
	}

	@Override
	public INDArray forward(INDArray input, Context context) {
		context.save(input);
		INDArray output = input.mul(context.parameter("gain").getDouble(0));
		if (context.step() >= 3) {
			output.putScalar(0, Double.NaN);
		}
		return output;
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		INDArray input = (INDArray) context.saved()[0];
		context.addGradient("gain", gradOutput.mul(input).sum().reshape(1));
		return gradOutput.mul(context.parameter("gain").getDouble(0));
	}
}

package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test fixture: a layer with one weight that turns NaN at step 3 (a diverging run). */
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
		return input.mul(context.parameter("gain").getDouble(0));
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		return gradOutput.mul(context.parameter("gain").getDouble(0));
	}
}

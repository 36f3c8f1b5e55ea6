package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test fixture: a custom layer with a bug that shows at step 2. */
public class ThrowingLayer implements CustomLayer {

	@Override
	public INDArray forward(INDArray input, Context context) {
		if (context.step() >= 2) {
			throw new IllegalStateException("bug in the user's layer");
		}
		return input;
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		return gradOutput;
	}
}

package gan.layers;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test fixture: a layer that keeps an array it made in one step and reads it in the next. */
public class KeepsArrayLayer implements CustomLayer {

	private INDArray previous;

	@Override
	public INDArray forward(INDArray input, Context context) {
		if (previous != null) {
			previous.sumNumber(); // reads last step's array
		}
		previous = input.mul(2);
		return input;
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		return gradOutput;
	}
}

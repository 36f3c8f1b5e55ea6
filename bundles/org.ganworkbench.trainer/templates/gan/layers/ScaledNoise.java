package gan.layers;

// Copied into new GAN projects (src/gan/layers/ScaledNoise.java). Also compiled into the trainer, so that
// the demo model runs headless; in the IDE the project's own copy comes first on the classpath.

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Example custom layer (StyleGAN's noise input): adds Gaussian noise, scaled per channel by a learned
 * factor, to a feature map. y = x + strength * scale[c] * noise. Set a breakpoint in forward or
 * backward and debug the training run to look at the live activations.
 */
public class ScaledNoise implements CustomLayer {

	private double strength;

	@Override
	public void setup(Setup setup) {
		strength = setup.options().get("strength") instanceof Double d ? d : 0.1;
		long channels = setup.inputShape()[0];
		setup.addParameter("scale", Nd4j.ones(channels));
	}

	@Override
	public INDArray forward(INDArray input, Context context) {
		if (!context.training()) {
			return input;
		}
		INDArray noise = context.gaussian(input.shape()).muli(strength);
		context.save(noise);
		INDArray scale = context.parameter("scale").reshape(1, input.size(1), 1, 1);
		return input.add(noise.mul(scale));
	}

	@Override
	public INDArray backward(INDArray gradOutput, Context context) {
		if (context.saved().length == 0) {
			return gradOutput;
		}
		INDArray noise = (INDArray) context.saved()[0];
		// d y / d scale[c] = sum over the batch and positions of noise * gradOutput
		context.addGradient("scale", gradOutput.mul(noise).sum(0, 2, 3));
		return gradOutput;
	}
}

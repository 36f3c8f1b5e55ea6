package org.ganworkbench.trainer.api.check;

import java.util.List;
import java.util.Map;

import org.ganworkbench.trainer.api.CustomLayer;
import org.ganworkbench.trainer.nn.CustomModule;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks a {@link CustomLayer}'s backward against finite differences of its forward: the layer is set up
 * as a model file's {@code custom} block sets it up (input shape, the block's keys as options), then run
 * on a small batch of standard normal inputs in double precision, in a training pass at step 0 with the
 * same noise in every evaluation. What the {@code check-layer} command and a training run's start do;
 * a layer's own unit test can do the same:
 *
 * <pre>
 * GradientReport report = CustomLayerCheck.check(new MyLayer(), new long[] { 16, 8, 8 }, Map.of("strength", 0.1));
 * assertTrue(report.passed(), report::toString);
 * </pre>
 *
 * A check is about 70 forward passes of a batch of {@value #BATCH}: well under a second for a layer on
 * 64x8x8 inputs, a few seconds on 64x32x32.
 */
public final class CustomLayerCheck {

	/** Samples a batch of the check has: more than one, for layers that use batch statistics. */
	public static final int BATCH = 4;
	/** Entries compared a tensor (all of a smaller tensor). */
	public static final int ENTRIES = 16;
	private static final long SEED = 1;

	private CustomLayerCheck() {
	}

	/**
	 * Checks {@code layer} for one input sample of {@code inputShape} ([C, H, W] or [F]) and the options a
	 * model file would give it (Double, String, Boolean or List values).
	 *
	 * @throws CustomModule.CustomLayerException when the layer throws in setup, forward or backward
	 */
	public static GradientReport check(CustomLayer layer, long[] inputShape, Map<String, Object> options) {
		return check(layer.getClass().getSimpleName(), layer, inputShape, options, -1, BATCH);
	}

	/**
	 * The same with what a model file says of the layer.
	 *
	 * @param layerName the layer's name (in messages of a failing layer)
	 * @param declaredParams the model's {@code params}, checked against what setup declares; -1: not checked
	 * @param batch samples of the batch
	 */
	public static GradientReport check(String layerName, CustomLayer layer, long[] inputShape, Map<String, Object> options,
			long declaredParams, int batch) {
		DataType defaultType = Nd4j.dataType();
		DataType defaultFloatType = Nd4j.defaultFloatingPointType();
		// what the layer creates with Nd4j's factory methods is double too
		Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
		try {
			CustomModule module = new CustomModule(layerName, layer, inputShape, options, declaredParams,
					new Init(new Rng(SEED), DataType.DOUBLE, 1));
			long[] shape = new long[inputShape.length + 1];
			shape[0] = batch;
			System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
			INDArray x = new Rng(SEED + 1).gaussian(DataType.DOUBLE, shape);
			return new GradientCheck(ENTRIES).check(layer.getClass().getName(), subject(module, layerName), x, p -> p);
		} finally {
			Nd4j.setDefaultDataTypes(defaultType, defaultFloatType);
		}
	}

	private static GradientCheck.Subject subject(CustomModule module, String layerName) {
		long noise = module.noise().state();
		String prefix = layerName + ".";
		return new GradientCheck.Subject() {
			@Override
			public INDArray forward(INDArray x, Pass pass) {
				return module.forward(x, pass);
			}

			@Override
			public INDArray backward(INDArray gradOutput, Pass pass) {
				return module.backward1(gradOutput, pass);
			}

			@Override
			public List<Param> params() {
				return module.params();
			}

			@Override
			public void beforeForward() {
				module.noise().setState(noise);
			}

			@Override
			public String nameOf(Param param) {
				return param.name().startsWith(prefix) ? param.name().substring(prefix.length()) : param.name();
			}
		};
	}
}

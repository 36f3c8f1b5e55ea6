package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.trainer.api.CustomLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a user's {@link CustomLayer}; failures name the layer, its class and the pass. */
public final class CustomModule extends SingleInputModule {

	/** A custom layer that could not be created or failed in a pass. */
	public static final class CustomLayerException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		CustomLayerException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private final CustomLayer layer;
	private final String className;
	private final Map<String, Param> params = new LinkedHashMap<>();
	private final Rng noise;
	private final org.nd4j.linalg.api.buffer.DataType type;
	private long step;

	/** @param declaredParams the model's {@code params}, which setup must declare; -1: any number */
	public CustomModule(String name, CustomLayer layer, long[] inputShape, Map<String, Object> options, long declaredParams,
			Init init) {
		super(name);
		this.layer = layer;
		this.className = layer.getClass().getName();
		this.noise = Rng.derived(init.rng().nextLong(), name);
		this.type = init.type();
		try {
			layer.setup(new SetupImpl(inputShape, options, init));
		} catch (RuntimeException e) {
			throw new CustomLayerException("custom layer '" + name + "' (" + className + ") failed in setup: " + e, e);
		}
		long count = params.values().stream().mapToLong(p -> p.value().length()).sum();
		if (declaredParams >= 0 && count != declaredParams) {
			throw new CustomLayerException("custom layer '" + name + "' (" + className + ") declares " + count
					+ " parameters in setup but the model file says params = " + declaredParams, null);
		}
	}

	/** Loads and instantiates a custom layer class by name from the trainer's classpath. */
	public static CustomLayer instantiate(String layerName, String className) {
		Class<?> type;
		try {
			ClassLoader loader = Thread.currentThread().getContextClassLoader();
			type = Class.forName(className, true, loader != null ? loader : CustomModule.class.getClassLoader());
		} catch (ClassNotFoundException | LinkageError e) {
			throw new CustomLayerException("custom layer '" + layerName + "': class " + className
					+ " not found on the trainer's classpath (is the project built and its output folder on the classpath?)", e);
		}
		if (!CustomLayer.class.isAssignableFrom(type)) {
			throw new CustomLayerException("custom layer '" + layerName + "': class " + className + " does not implement "
					+ CustomLayer.class.getName(), null);
		}
		try {
			return (CustomLayer) type.getConstructor().newInstance();
		} catch (ReflectiveOperationException | RuntimeException e) {
			Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
			throw new CustomLayerException("custom layer '" + layerName + "': cannot create " + className
					+ " with its public no-argument constructor: " + cause, cause);
		}
	}

	/** The generator behind {@link CustomLayer.Context#gaussian}; its state goes into checkpoints. */
	public Rng noise() {
		return noise;
	}

	/** Tells the layer which step its passes belong to. */
	public void setStep(long value) {
		step = value;
	}

	/** Unknown user code: assume it may use batch statistics. */
	@Override
	public boolean mixesSamples() {
		return true;
	}

	@Override
	public INDArray forward(INDArray x, Pass pass) {
		ContextImpl context = new ContextImpl(pass);
		pass.save(this, context);
		INDArray y;
		try {
			y = layer.forward(x, context);
		} catch (RuntimeException e) {
			throw failure("forward", e);
		}
		if (y == null) {
			throw new CustomLayerException("custom layer '" + name + "' (" + className + ") returned null from forward", null);
		}
		return y;
	}

	/**
	 * The layer's exception with where it happened. A layer runs inside the step's workspace like the
	 * built-in ones: an array it keeps in a field and uses in a later step makes ND4J throw ("outdated
	 * workspace pointer"), which the message turns into what to do about it.
	 */
	private CustomLayerException failure(String phase, RuntimeException e) {
		String hint = String.valueOf(e.getMessage()).contains("workspace pointer")
				? " (an array made in one step was used in a later one: arrays a layer makes last one D or G step;"
						+ " keep one longer with detach())"
				: "";
		return new CustomLayerException("custom layer '" + name + "' (" + className + ") failed in " + phase + " at step "
				+ step + hint + ": " + e, e);
	}

	@Override
	public INDArray backward1(INDArray g, Pass pass) {
		ContextImpl context = (ContextImpl) pass.saved(this)[0];
		INDArray dx;
		try {
			dx = layer.backward(g, context);
		} catch (RuntimeException e) {
			throw failure("backward", e);
		}
		if (dx == null) {
			throw new CustomLayerException("custom layer '" + name + "' (" + className + ") returned null from backward", null);
		}
		return dx;
	}

	@Override
	public List<Param> params() {
		return new ArrayList<>(params.values());
	}

	private final class SetupImpl implements CustomLayer.Setup {
		private final long[] inputShape;
		private final Map<String, Object> options;
		private final Init init;

		SetupImpl(long[] inputShape, Map<String, Object> options, Init init) {
			this.inputShape = inputShape;
			this.options = options;
			this.init = init;
		}

		@Override
		public long[] inputShape() {
			return inputShape.clone();
		}

		@Override
		public Map<String, Object> options() {
			return options;
		}

		@Override
		public void addParameter(String paramName, INDArray initialValue) {
			params.put(paramName, Param.trainable(name + "." + paramName, initialValue.castTo(init.type()).dup('c')));
		}

		@Override
		public INDArray gaussian(long... shape) {
			return init.rng().gaussian(init.type(), shape);
		}
	}

	private final class ContextImpl implements CustomLayer.Context {
		private final Pass pass;
		private Object[] saved = new Object[0];

		ContextImpl(Pass pass) {
			this.pass = pass;
		}

		@Override
		public boolean training() {
			return pass.training;
		}

		@Override
		public long step() {
			return step;
		}

		@Override
		public INDArray parameter(String paramName) {
			Param p = params.get(paramName);
			if (p == null) {
				throw new IllegalArgumentException("no parameter '" + paramName + "' (declare it in setup)");
			}
			return p.value();
		}

		@Override
		public void addGradient(String paramName, INDArray gradient) {
			Param p = params.get(paramName);
			if (p == null) {
				throw new IllegalArgumentException("no parameter '" + paramName + "' (declare it in setup)");
			}
			if (pass.paramGradients) { // D's layers in the G step: the gradient would be zeroed unused
				p.addGrad(gradient);
			}
		}

		@Override
		public void save(Object... values) {
			saved = values;
		}

		@Override
		public Object[] saved() {
			return saved;
		}

		@Override
		public INDArray gaussian(long... shape) {
			return noise.gaussian(type, shape);
		}
	}
}

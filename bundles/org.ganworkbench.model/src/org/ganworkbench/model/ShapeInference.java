package org.ganworkbench.model;

import java.util.List;
import java.util.regex.Pattern;

import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.Snippet;

/**
 * Infers each layer's output shape and parameter count with DL4J's conventions (see
 * docs/model-format.md, "Shapes and parameters"). The editor's diagram and the trainer both use it,
 * so what the user sees is what gets built.
 */
final class ShapeInference {

	/** Larger feature maps are certainly a typo and would overflow int arithmetic later. */
	private static final long MAX_DIM = 1 << 20;
	/** Parameter counts are computed with {@link Counts}; this is where they saturate. */
	private static final String COUNT_LIMIT = Numbers.grouped(Counts.TOO_LARGE);
	private static final Pattern JAVA_CLASS = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

	private final ProblemSink problems;
	private final InferenceContext context;
	private final String inputName;

	ShapeInference(ProblemSink problems, InferenceContext context, String inputName) {
		this.problems = problems;
		this.context = context;
		this.inputName = inputName;
	}

	/** Sets the layer's shapes and counts; reports a problem and leaves the output unknown when it cannot. */
	void infer(Layer layer, List<Shape> ins) {
		layer.inputShape = ins.get(0);
		Shape out = switch (layer.type()) {
		case DENSE -> dense(layer, ins.get(0));
		case RESHAPE -> reshape(layer, ins.get(0));
		case FLATTEN -> checkedVector(layer, ins.get(0).size());
		case CONV, DECONV -> convolution(layer, ins.get(0));
		case UPSAMPLE -> image(layer, 0) ? resize(layer, ins.get(0), layer.intParam("factor", 2), true) : null;
		case DOWNSAMPLE -> image(layer, 0) ? resize(layer, ins.get(0), layer.intParam("factor", 2), false) : null;
		case BATCH_NORM -> normalization(layer, ins.get(0), 0);
		case CONDITIONAL_BATCH_NORM -> conditionalNorm(layer, ins.get(0));
		case LAYER_NORM -> layerNorm(layer, ins.get(0));
		case RELU, LEAKY_RELU, TANH, SIGMOID, IDENTITY -> ins.get(0);
		case G_BLOCK -> generatorBlock(layer, ins.get(0));
		case D_BLOCK -> discriminatorBlock(layer, ins.get(0));
		case SELF_ATTENTION -> attention(layer, ins.get(0));
		case MINIBATCH_STDDEV -> stddev(layer, ins.get(0));
		case GLOBAL_POOL -> image(layer, 0) ? Shape.vector(ins.get(0).channels()) : null;
		case PROJECTION -> projection(layer, ins.get(0));
		case ADD -> add(layer, ins);
		case CONCAT -> concat(layer, ins);
		case CUSTOM -> custom(layer, ins);
		};
		layer.outputShape = out;
	}

	private Shape dense(Layer layer, Shape in) {
		if (!required(layer, "units")) {
			return null;
		}
		long units = layer.intParam("units", 1);
		// DL4J flattens a feature map in front of a dense layer (CnnToFeedForwardPreProcessor)
		setParams(layer, Counts.plus(Counts.times(in.size(), units), layer.boolParam("bias", true) ? units : 0));
		return Shape.vector((int) units);
	}

	private Shape reshape(Layer layer, Shape in) {
		if (!required(layer, "shape")) {
			return null;
		}
		Shape out = declaredShape(layer, "shape");
		if (out == null) {
			return null;
		}
		if (out.size() != in.size()) {
			error(layer, "shape", describe(layer) + " cannot turn " + in.withBatch() + " into " + out.withBatch() + ": "
					+ in.size() + " values per sample vs " + out.size());
			return null;
		}
		return out;
	}

	private Shape convolution(Layer layer, Shape in) {
		if (!image(layer, 0) || !required(layer, "filters")) {
			return null;
		}
		boolean deconv = layer.type() == LayerType.DECONV;
		long k = layer.intParam("kernel", 3);
		long s = layer.intParam("stride", 1);
		boolean same = "same".equals(layer.stringParam("padding", ""));
		long p = layer.intParam("padding", 0);
		long filters = layer.intParam("filters", 1);
		long h = outputSize(in.height(), k, s, p, same, deconv);
		long w = outputSize(in.width(), k, s, p, same, deconv);
		if (h < 1 || w < 1) {
			error(layer, "kernel", describe(layer) + " with kernel " + k + ", stride " + s + " and padding "
					+ (same ? "same" : p) + " leaves no output from its " + in.height() + "x" + in.width() + " input");
			return null;
		}
		setParams(layer, Counts.plus(Counts.times(k, k, in.channels(), filters), layer.boolParam("bias", true) ? filters : 0));
		return checkedImage(layer, filters, h, w);
	}

	/**
	 * conv: floor((H + 2p - k) / s) + 1, same: ceil(H / s); deconv: (H - 1) s - 2p + k, same: H s.
	 * Plain long arithmetic is exact here: H is an int and k, s, p are at most 64.
	 */
	static long outputSize(long in, long k, long s, long p, boolean same, boolean deconv) {
		if (deconv) {
			return same ? in * s : (in - 1) * s - 2 * p + k;
		}
		if (same) {
			return (in + s - 1) / s;
		}
		long span = in + 2 * p - k;
		return span < 0 ? 0 : span / s + 1;
	}

	private Shape resize(Layer layer, Shape in, long factor, boolean up) {
		if (up) {
			return checkedImage(layer, in.channels(), in.height() * factor, in.width() * factor);
		}
		if (in.height() < factor || in.width() < factor) {
			error(layer, "factor", describe(layer) + " cannot pool " + in.height() + "x" + in.width() + " by " + factor);
			return null;
		}
		return Shape.image(in.channels(), (int) (in.height() / factor), (int) (in.width() / factor));
	}

	/** Batch norm: gamma and beta are trained, mean and variance are running statistics DL4J counts too. */
	private Shape normalization(Layer layer, Shape in, long conditionSize) {
		long c = in.channels();
		long trainable = Counts.times(2, conditionSize > 0 ? conditionSize : 1, c);
		setParams(layer, Counts.plus(trainable, 2 * c), trainable);
		return in;
	}

	private Shape conditionalNorm(Layer layer, Shape in) {
		int condition = context.conditionSize(false);
		if (condition == 0) {
			error(layer, null, describe(layer) + " needs class labels: set 'classes' in the data block, or use batchnorm");
			return null;
		}
		return normalization(layer, in, condition);
	}

	private Shape layerNorm(Layer layer, Shape in) {
		setParams(layer, 2L * in.channels());
		return in;
	}

	private Shape generatorBlock(Layer layer, Shape in) {
		if (!image(layer, 0) || !required(layer, "filters") || !oddKernel(layer)) {
			return null;
		}
		int condition = context.conditionSize(true);
		String norm = layer.stringParam("norm", condition > 0 ? "cbn" : "batchnorm");
		if (norm.equals("cbn") && condition == 0) {
			error(layer, "norm", describe(layer) + " uses cbn but there is nothing to condition on: set 'classes' in the "
					+ "data block, use hierarchical latents, or set norm = batchnorm");
			return null;
		}
		long cin = in.channels();
		long cout = layer.intParam("filters", 1);
		long k = layer.intParam("kernel", Defaults.BLOCK_KERNEL);
		long convs = blockConvolutions(k, cin, cout);
		long[] norm1 = blockNorm(norm, cin, condition);
		long[] norm2 = blockNorm(norm, cout, condition);
		setParams(layer, Counts.plus(convs, norm1[0], norm2[0]), Counts.plus(convs, norm1[1], norm2[1]));
		long factor = layer.boolParam("up", true) ? 2 : 1;
		return checkedImage(layer, cout, in.height() * factor, in.width() * factor);
	}

	/** {DL4J count, trainable} of one normalisation inside a gblock. */
	private static long[] blockNorm(String norm, long c, long condition) {
		return switch (norm) {
		case "cbn" -> new long[] { Counts.plus(Counts.times(2, condition, c), 2 * c), Counts.times(2, condition, c) };
		case "batchnorm" -> new long[] { 4 * c, 2 * c }; // c is an int: no overflow
		default -> new long[] { 0, 0 };
		};
	}

	/** Two k x k convolutions with bias, and a 1x1 convolution on the skip path when the channel count changes. */
	private static long blockConvolutions(long k, long cin, long cout) {
		long shortcut = cin == cout ? 0 : Counts.plus(Counts.times(cin, cout), cout);
		return Counts.plus(Counts.times(k, k, cin, cout), cout, Counts.times(k, k, cout, cout), cout, shortcut);
	}

	private Shape discriminatorBlock(Layer layer, Shape in) {
		if (!image(layer, 0) || !required(layer, "filters") || !oddKernel(layer)) {
			return null;
		}
		long cin = in.channels();
		long cout = layer.intParam("filters", 1);
		long k = layer.intParam("kernel", Defaults.BLOCK_KERNEL);
		setParams(layer, blockConvolutions(k, cin, cout));
		if (!layer.boolParam("down", true)) {
			return Shape.image((int) cout, in.height(), in.width());
		}
		if (in.height() < 2 || in.width() < 2) {
			error(layer, "down", describe(layer) + " cannot downsample its " + in.height() + "x" + in.width() + " input");
			return null;
		}
		return Shape.image((int) cout, in.height() / 2, in.width() / 2);
	}

	/** SAGAN: 1x1 convs theta, phi (C to C/8), g (C to C/2), o (C/2 to C), no bias as in BigGAN, plus gamma. */
	private Shape attention(Layer layer, Shape in) {
		if (!image(layer, 0)) {
			return null;
		}
		long c = in.channels();
		if (c < 8 || c % 8 != 0) {
			error(layer, null, describe(layer) + " needs a channel count divisible by 8, got " + c);
			return null;
		}
		long weights = Counts.plus(Counts.times(2, c, c / 8), Counts.times(c, c / 2), Counts.times(c / 2, c), 1);
		long biases = layer.boolParam("bias", false) ? 2 * (c / 8) + c / 2 + c : 0;
		setParams(layer, weights + biases);
		return in;
	}

	private Shape stddev(Layer layer, Shape in) {
		if (!image(layer, 0)) {
			return null;
		}
		int group = layer.intParam("group", Defaults.STDDEV_GROUP);
		if (context.batch() % group != 0) {
			error(layer, "group", describe(layer) + " group " + group + " does not divide the batch size " + context.batch());
		}
		return checkedImage(layer, in.channels() + 1L, in.height(), in.width());
	}

	/** Projection discriminator: linear(h) + sum(embed(y) * h); needs the class labels. */
	private Shape projection(Layer layer, Shape in) {
		if (!in.isVector()) {
			error(layer, null, describe(layer) + " expects 2-D input but " + source(layer, 0, in)
					+ ": add a global_pool layer before it");
			return null;
		}
		if (context.classes() == 0) {
			error(layer, null, describe(layer) + " needs class labels: set 'classes' in the data block");
			return null;
		}
		long f = in.channels();
		setParams(layer, Counts.plus(f, 1, Counts.times(context.classes(), f)));
		return Shape.vector(1);
	}

	private Shape add(Layer layer, List<Shape> ins) {
		for (int i = 1; i < ins.size(); i++) {
			if (!ins.get(i).equals(ins.get(0))) {
				error(layer, "inputs", describe(layer) + " needs inputs of one shape but " + source(layer, 0, ins.get(0))
						+ " and " + source(layer, i, ins.get(i)));
				return null;
			}
		}
		return ins.get(0);
	}

	private Shape concat(Layer layer, List<Shape> ins) {
		Shape first = ins.get(0);
		long channels = 0;
		for (int i = 0; i < ins.size(); i++) {
			Shape s = ins.get(i);
			if (s.rank() != first.rank() || s.height() != first.height() || s.width() != first.width()) {
				error(layer, "inputs", describe(layer) + " joins along channels, so inputs must agree in the other "
						+ "dimensions, but " + source(layer, 0, first) + " and " + source(layer, i, s));
				return null;
			}
			channels = Counts.plus(channels, s.channels());
		}
		return first.isImage() ? checkedImage(layer, channels, first.height(), first.width()) : checkedVector(layer, channels);
	}

	private Shape custom(Layer layer, List<Shape> ins) {
		if (!required(layer, "class")) {
			return null;
		}
		String className = layer.stringParam("class", "");
		if (!JAVA_CLASS.matcher(className).matches()) {
			error(layer, "class", Snippet.quote(className) + " is not a Java class name (for example \"gan.layers.ScaledNoise\")");
			return null;
		}
		setParams(layer, layer.longParam("params", 0));
		if (layer.hasParam("output")) {
			return declaredShape(layer, "output");
		}
		if (ins.size() > 1) {
			error(layer, null, describe(layer) + " has several inputs, so it must declare 'output = [...]'");
			return null;
		}
		return ins.get(0);
	}

	private boolean oddKernel(Layer layer) {
		if (layer.intParam("kernel", Defaults.BLOCK_KERNEL) % 2 == 0) {
			error(layer, "kernel", describe(layer) + " needs an odd kernel to keep its size, got "
					+ layer.intParam("kernel", Defaults.BLOCK_KERNEL));
			return false;
		}
		return true;
	}

	/** Checks that input {@code index} is a feature map. */
	private boolean image(Layer layer, int index) {
		Shape in = index == 0 ? layer.inputShape : null;
		if (in.isImage()) {
			return true;
		}
		error(layer, null, describe(layer) + " expects 4-D input but " + source(layer, index, in));
		return false;
	}

	private boolean required(Layer layer, String key) {
		if (layer.hasParam(key)) {
			return true;
		}
		if (layer.writes(key)) {
			return false; // its value is wrong and already reported
		}
		String example = switch (key) {
		case "class" -> "class = \"gan.layers.MyLayer\"";
		case "shape" -> "shape = [128, 7, 7]";
		default -> key + " = 64";
		};
		error(layer, null, describe(layer) + " needs '" + example + "'");
		return false;
	}

	private Shape checkedImage(Layer layer, long c, long h, long w) {
		if (c > MAX_DIM || h > MAX_DIM || w > MAX_DIM || Counts.times(c, h, w) > Counts.MAX_VALUES) {
			error(layer, null, describe(layer) + " would produce a feature map too large: [N, " + c + ", " + h + ", " + w
					+ "] (at most " + Numbers.grouped(MAX_DIM) + " per dimension and " + Numbers.grouped(Counts.MAX_VALUES)
					+ " values per sample)");
			return null;
		}
		return Shape.image((int) c, (int) h, (int) w);
	}

	private Shape checkedVector(Layer layer, long f) {
		if (f > Counts.MAX_VALUES) {
			error(layer, null, describe(layer) + " would produce a vector too large: [N, " + f + "] (at most "
					+ Numbers.grouped(Counts.MAX_VALUES) + " values per sample)");
			return null;
		}
		return Shape.vector((int) f);
	}

	/** The shape a layer declares in {@code key} (reshape's shape, a custom layer's output), within the limit. */
	private Shape declaredShape(Layer layer, String key) {
		Shape shape = Shape.of(layer.intListParam(key).stream().mapToInt(Integer::intValue).toArray());
		if (shape.size() > Counts.MAX_VALUES) {
			error(layer, key, describe(layer) + " would produce " + shape.withBatch() + ": more than "
					+ Numbers.grouped(Counts.MAX_VALUES) + " values per sample, the limit");
			return null;
		}
		return shape;
	}

	private void setParams(Layer layer, long count) {
		setParams(layer, count, count);
	}

	/** Sets DL4J's count and the trainable count; a count that overflowed is an error at the layer. */
	private void setParams(Layer layer, long count, long trainable) {
		layer.paramCount = count;
		layer.trainableParamCount = trainable;
		if (count == Counts.TOO_LARGE) {
			error(layer, null, describe(layer) + " has more parameters than a 64-bit count holds (" + COUNT_LIMIT + ")");
		}
	}

	static String describe(Layer layer) {
		return layer.type().keyword() + " " + Snippet.quote(layer.name());
	}

	/** "'fc1' produces [N, 1024]" or "the input z is [N, 64]". */
	private String source(Layer layer, int index, Shape shape) {
		String name = layer.inputs().get(index);
		if (name.equals(inputName)) {
			return "the input " + name + " is " + shape.withBatch();
		}
		return Snippet.quote(name) + " produces " + shape.withBatch();
	}

	/** Points at the key's value when the layer sets it, else at the layer's header. */
	private void error(Layer layer, String key, String message) {
		PropertyNode node = key == null ? null : layer.node(key);
		Node at = node != null ? node.value() : new PropertyNode.Range(layer.offset(), layer.length());
		problems.error(at, message);
	}
}

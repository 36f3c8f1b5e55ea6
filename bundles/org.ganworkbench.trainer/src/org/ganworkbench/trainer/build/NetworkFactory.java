package org.ganworkbench.trainer.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.Defaults;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.Network;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.Shape;
import org.ganworkbench.trainer.api.CustomLayer;
import org.ganworkbench.trainer.nn.Activation;
import org.ganworkbench.trainer.nn.BatchNorm;
import org.ganworkbench.trainer.nn.Chain;
import org.ganworkbench.trainer.nn.Conv;
import org.ganworkbench.trainer.nn.CustomModule;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.GlobalPool;
import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.LayerNorm;
import org.ganworkbench.trainer.nn.Merge;
import org.ganworkbench.trainer.nn.MinibatchStddev;
import org.ganworkbench.trainer.nn.Module;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Projection;
import org.ganworkbench.trainer.nn.Reshape;
import org.ganworkbench.trainer.nn.ResidualBlock;
import org.ganworkbench.trainer.nn.Resize;
import org.ganworkbench.trainer.nn.SelfAttention;
import org.ganworkbench.trainer.nn.SingleInputModule;

/**
 * Builds the modules of a network from the model bundle's layers. Shapes come from the model's
 * inference, so what the editor shows is what is built; parameter counts are checked against it.
 */
public final class NetworkFactory {

	/** The conditioning vector of G's shared class embedding. */
	public static final String CLASS_VECTOR = "class";

	private final GanModel model;
	private final Init init;

	public NetworkFactory(GanModel model, Init init) {
		this.model = model;
		this.init = init;
	}

	/** The latent chunk a gblock receives with hierarchical latents ("z1" for the first gblock). */
	public static String chunkVector(int block) {
		return "z" + block;
	}

	public Graph build(Network network) throws ModelException {
		String id = network.role() == NetworkRole.GENERATOR ? "G" : "D";
		List<Graph.Node> nodes = new ArrayList<>();
		int gblocks = 0;
		for (Layer layer : network.layers()) {
			if (layer.outputShape() == null || layer.inputShape() == null) {
				throw new ModelException(describe(layer) + " has an unknown shape; fix the model's errors first");
			}
			if (layer.type() == org.ganworkbench.model.LayerType.G_BLOCK) {
				gblocks++;
			}
			Module module = module(id, layer, gblocks);
			long built = module.params().stream().filter(Param::isCounted).mapToLong(p -> p.value().length()).sum();
			if (built != layer.paramCount()) {
				throw new ModelException(describe(layer) + ": built " + built + " parameters, the model says "
						+ layer.paramCount() + " (trainer and model bundle disagree: please report)");
			}
			nodes.add(new Graph.Node(module, layer.inputs()));
		}
		return new Graph(network.role().inputName(), nodes, network.outputLayer().name());
	}

	private Module module(String id, Layer layer, int gblock) throws ModelException {
		Shape in = layer.inputShape();
		Shape out = layer.outputShape();
		String name = layer.name();
		boolean sn = layer.spectralNorm();
		return switch (layer.type()) {
		case DENSE -> withActivation(layer, new Dense(id, name, in.size(), out.channels(), layer.boolParam("bias", true), sn,
				init));
		case CONV, DECONV -> withActivation(layer, new Conv(id, name, layer.type() == org.ganworkbench.model.LayerType.DECONV,
				in.channels(), out.channels(), layer.intParam("kernel", 3), layer.intParam("stride", 1), padding(layer),
				layer.boolParam("bias", true), sn, init));
		case RESHAPE, FLATTEN -> new Reshape(name, toLong(out.dims()));
		case UPSAMPLE -> new Resize(name, layer.intParam("factor", 2), true);
		case DOWNSAMPLE -> new Resize(name, layer.intParam("factor", 2), false);
		case BATCH_NORM -> BatchNorm.plain(name, in.channels(), eps(layer), momentum(layer), init);
		case CONDITIONAL_BATCH_NORM -> conditionalNorm(id, name, in.channels(), conditionKeys(0), sn, layer);
		case LAYER_NORM -> new LayerNorm(name, in.channels(), layer.doubleParam("eps", Defaults.LAYER_NORM_EPS), init);
		case RELU, LEAKY_RELU, TANH, SIGMOID, IDENTITY -> new Activation(name,
				Activation.kindOf(layer.type().keyword()), layer.doubleParam("slope", Defaults.LEAKY_SLOPE));
		case G_BLOCK -> generatorBlock(id, layer, gblock);
		case D_BLOCK -> discriminatorBlock(id, layer);
		case SELF_ATTENTION -> new SelfAttention(id, name, in.channels(), layer.boolParam("bias", false), sn, init);
		case MINIBATCH_STDDEV -> new MinibatchStddev(name, layer.intParam("group", Defaults.STDDEV_GROUP));
		case GLOBAL_POOL -> new GlobalPool(name, "avg".equals(layer.stringParam("mode", "sum")));
		case PROJECTION -> new Projection(id, name, in.channels(), model.data().classes(), sn, init);
		case ADD -> new Merge(name, false);
		case CONCAT -> new Merge(name, true);
		case CUSTOM -> custom(layer);
		};
	}

	private Module custom(Layer layer) throws ModelException {
		if (layer.inputs().size() != 1) {
			throw new ModelException(describe(layer) + ": custom layers take one input in this version");
		}
		try {
			CustomLayer instance = CustomModule.instantiate(layer.name(), layer.stringParam("class", ""));
			return new CustomModule(layer.name(), instance, toLong(layer.inputShape().dims()), Map.copyOf(layer.params()),
					layer.longParam("params", 0), init);
		} catch (CustomModule.CustomLayerException e) {
			throw new ModelException(e.getMessage(), e);
		}
	}

	private SingleInputModule withActivation(Layer layer, SingleInputModule module) {
		String activation = layer.stringParam("activation", "none");
		if (activation.equals("none")) {
			return module;
		}
		Activation after = new Activation(layer.name() + ".act", Activation.kindOf(activation),
				layer.doubleParam("slope", Defaults.LEAKY_SLOPE));
		return new Chain(layer.name(), List.of(module, after));
	}

	private static int padding(Layer layer) {
		return "same".equals(layer.stringParam("padding", "")) ? -1 : layer.intParam("padding", 0);
	}

	private static double eps(Layer layer) {
		return layer.doubleParam("eps", Defaults.BATCH_NORM_EPS);
	}

	private static double momentum(Layer layer) {
		return layer.doubleParam("momentum", Defaults.BATCH_NORM_MOMENTUM);
	}

	/** Class embedding (conditional data) and, in the k-th gblock with hierarchical latents, chunk k. */
	private List<String> conditionKeys(int gblock) {
		List<String> keys = new ArrayList<>();
		if (model.data().classes() > 0) {
			keys.add(CLASS_VECTOR);
		}
		if (gblock > 0 && model.latent().chunks() > 1) {
			keys.add(chunkVector(gblock));
		}
		return keys;
	}

	private long conditionSize(List<String> keys) {
		long size = 0;
		for (String key : keys) {
			size += key.equals(CLASS_VECTOR) ? model.generator().classEmbedding() : model.latent().chunkSize();
		}
		return size;
	}

	private BatchNorm conditionalNorm(String id, String name, long channels, List<String> keys, boolean sn, Layer layer) {
		return BatchNorm.conditional(id, name, channels, conditionSize(keys), keys, eps(layer), momentum(layer), sn, init);
	}

	/** BigGAN's G block: norm, ReLU, upsample, conv, norm, ReLU, conv; shortcut: upsample, 1x1 conv if widened. */
	private Module generatorBlock(String id, Layer layer, int gblock) {
		String name = layer.name();
		long cin = layer.inputShape().channels();
		long cout = layer.outputShape().channels();
		int k = layer.intParam("kernel", Defaults.BLOCK_KERNEL);
		boolean up = layer.boolParam("up", true);
		boolean sn = layer.spectralNorm();
		List<String> keys = conditionKeys(gblock);
		String norm = layer.stringParam("norm", keys.isEmpty() ? "batchnorm" : "cbn");
		List<SingleInputModule> main = new ArrayList<>();
		addNorm(main, id, name + ".norm1", cin, norm, keys, sn, layer);
		main.add(new Activation(name + ".relu1", Activation.Kind.RELU, 0));
		if (up) {
			main.add(new Resize(name + ".up", 2, true));
		}
		main.add(new Conv(id, name + ".conv1", false, cin, cout, k, 1, -1, true, sn, init));
		addNorm(main, id, name + ".norm2", cout, norm, keys, sn, layer);
		main.add(new Activation(name + ".relu2", Activation.Kind.RELU, 0));
		main.add(new Conv(id, name + ".conv2", false, cout, cout, k, 1, -1, true, sn, init));
		List<SingleInputModule> shortcut = new ArrayList<>();
		if (up) {
			shortcut.add(new Resize(name + ".up_sc", 2, true));
		}
		if (cin != cout) {
			shortcut.add(new Conv(id, name + ".sc", false, cin, cout, 1, 1, 0, true, sn, init));
		}
		return new ResidualBlock(name, new Chain(name + ".main", main), new Chain(name + ".shortcut", shortcut));
	}

	private void addNorm(List<SingleInputModule> path, String id, String name, long channels, String norm, List<String> keys,
			boolean sn, Layer layer) {
		if (norm.equals("cbn")) {
			path.add(conditionalNorm(id, name, channels, keys, sn, layer));
		} else if (norm.equals("batchnorm")) {
			path.add(BatchNorm.plain(name, channels, eps(layer), momentum(layer), init));
		}
	}

	/** BigGAN's D block: [ReLU], conv, ReLU, conv, [avg-pool]; shortcut: 1x1 conv if widened and pool. */
	private Module discriminatorBlock(String id, Layer layer) {
		String name = layer.name();
		long cin = layer.inputShape().channels();
		long cout = layer.outputShape().channels();
		int k = layer.intParam("kernel", Defaults.BLOCK_KERNEL);
		boolean down = layer.boolParam("down", true);
		boolean preactivation = layer.boolParam("preactivation", true);
		boolean sn = layer.spectralNorm();
		List<SingleInputModule> main = new ArrayList<>();
		if (preactivation) {
			main.add(new Activation(name + ".relu0", Activation.Kind.RELU, 0));
		}
		main.add(new Conv(id, name + ".conv1", false, cin, cout, k, 1, -1, true, sn, init));
		main.add(new Activation(name + ".relu1", Activation.Kind.RELU, 0));
		main.add(new Conv(id, name + ".conv2", false, cout, cout, k, 1, -1, true, sn, init));
		if (down) {
			main.add(new Resize(name + ".down", 2, false));
		}
		List<SingleInputModule> shortcut = new ArrayList<>();
		Conv projection = cin != cout ? new Conv(id, name + ".sc", false, cin, cout, 1, 1, 0, true, sn, init) : null;
		// pre-activated blocks convolve then pool (cheaper on the small map); the first block pools first
		if (projection != null && preactivation) {
			shortcut.add(projection);
		}
		if (down) {
			shortcut.add(new Resize(name + ".down_sc", 2, false));
		}
		if (projection != null && !preactivation) {
			shortcut.add(projection);
		}
		return new ResidualBlock(name, new Chain(name + ".main", main), new Chain(name + ".shortcut", shortcut));
	}

	private static long[] toLong(int[] dims) {
		long[] out = new long[dims.length];
		for (int i = 0; i < dims.length; i++) {
			out[i] = dims[i];
		}
		return out;
	}

	private static String describe(Layer layer) {
		return layer.type().keyword() + " '" + layer.name() + "' (line " + layer.line() + ")";
	}
}

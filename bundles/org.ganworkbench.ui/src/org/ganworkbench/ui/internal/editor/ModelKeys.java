package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ganworkbench.model.AugmentKind;
import org.ganworkbench.model.DataSource;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.model.PriorKind;

/**
 * What content assist offers: the sub-blocks and keys of every block of the model format and the
 * values of keys with fixed choices. It mirrors the model bundle's schemas (docs/model-format.md);
 * ModelKeysTest parses every key listed here so the two cannot drift apart unnoticed.
 */
public final class ModelKeys {

	private static final Map<String, List<String>> SUB_BLOCKS = Map.of( //
			"", List.of("gan"), //$NON-NLS-1$ //$NON-NLS-2$
			"gan", List.of("latent", "data", "generator", "discriminator", "training"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"training", List.of("g_optimizer", "d_optimizer", "ema", "augment", "intervals")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private static final List<String> OPTIMIZER_KEYS = List.of("type", "lr", "beta1", "beta2", "eps"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	private static final Map<String, List<String>> BLOCK_KEYS = Map.of( //
			"latent", List.of("size", "prior", "hierarchical", "probability"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"data", List.of("source", "path", "image", "classes"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"generator", List.of("spectral_norm", "ortho_reg", "class_embedding", "output"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"discriminator", List.of("spectral_norm", "ortho_reg", "output"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"training", List.of("loss", "gp_weight", "batch", "steps", "d_steps", "truncation", "r1", "r2", "seed", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
					"keep_checkpoints"), //$NON-NLS-1$
			"g_optimizer", OPTIMIZER_KEYS, //$NON-NLS-1$
			"d_optimizer", OPTIMIZER_KEYS, //$NON-NLS-1$
			"ema", List.of("enabled", "decay", "start"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"augment", List.of("policy", "probability", "target"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"intervals", List.of("samples", "singular_values", "metrics", "checkpoints", "quality")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private static final List<String> BOOLEAN_KEYS = List.of("hierarchical", "spectral_norm", "bias", "enabled", "up", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"down", "preactivation"); //$NON-NLS-1$ //$NON-NLS-2$

	private ModelKeys() {
	}

	/** Whether a block keyword holds layers. */
	public static boolean isNetwork(String keyword) {
		return keyword.equals("generator") || keyword.equals("discriminator"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The blocks that may appear in a block ("" for the top level); layers are not included. */
	public static List<String> subBlocks(String keyword) {
		return SUB_BLOCKS.getOrDefault(keyword, List.of());
	}

	/** The keys of a block that is not a layer. */
	public static List<String> blockKeys(String keyword) {
		return BLOCK_KEYS.getOrDefault(keyword, List.of());
	}

	/** The keys of a layer of the given type, input keys and spectral_norm included. */
	public static List<String> layerKeys(LayerType type) {
		List<String> keys = new ArrayList<>(switch (type) {
		case DENSE -> List.of("units", "bias", "activation", "slope"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		case RESHAPE -> List.of("shape"); //$NON-NLS-1$
		case CONV, DECONV -> List.of("filters", "kernel", "stride", "padding", "bias", "activation", "slope"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
		case UPSAMPLE, DOWNSAMPLE -> List.of("factor"); //$NON-NLS-1$
		case BATCH_NORM, CONDITIONAL_BATCH_NORM -> List.of("eps", "momentum"); //$NON-NLS-1$ //$NON-NLS-2$
		case LAYER_NORM -> List.of("eps"); //$NON-NLS-1$
		case LEAKY_RELU -> List.of("slope"); //$NON-NLS-1$
		case G_BLOCK -> List.of("filters", "up", "kernel", "norm"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		case D_BLOCK -> List.of("filters", "down", "kernel", "preactivation"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		case SELF_ATTENTION -> List.of("bias"); //$NON-NLS-1$
		case MINIBATCH_STDDEV -> List.of("group"); //$NON-NLS-1$
		case GLOBAL_POOL -> List.of("mode"); //$NON-NLS-1$
		case CUSTOM -> List.of("class", "output", "params"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		default -> List.of();
		});
		keys.add("input"); //$NON-NLS-1$
		keys.add("inputs"); //$NON-NLS-1$
		if (type.hasWeights()) {
			keys.add("spectral_norm"); //$NON-NLS-1$
		}
		return keys;
	}

	/** The values a key accepts when they are a fixed set of names; empty otherwise. */
	public static List<String> valueChoices(String key) {
		if (BOOLEAN_KEYS.contains(key)) {
			return List.of("true", "false"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return switch (key) {
		case "loss" -> names(LossKind.values()); //$NON-NLS-1$
		case "prior" -> names(PriorKind.values()); //$NON-NLS-1$
		case "source" -> names(DataSource.values()); //$NON-NLS-1$
		case "type" -> names(OptimizerKind.values()); //$NON-NLS-1$
		case "policy" -> names(AugmentKind.values()); //$NON-NLS-1$
		case "activation" -> List.of("none", "relu", "leaky_relu", "tanh", "sigmoid"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
		case "norm" -> List.of("cbn", "batchnorm", "none"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		case "mode" -> List.of("sum", "avg"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		case "padding" -> List.of("same"); //$NON-NLS-1$ //$NON-NLS-2$
		default -> List.of();
		};
	}

	/** Keys whose values name layers of the same network. */
	public static boolean takesLayerNames(String key) {
		return key.equals("input") || key.equals("inputs") || key.equals("output"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static List<String> names(Enum<?>[] values) {
		List<String> names = new ArrayList<>();
		for (Enum<?> value : values) {
			names.add(switch (value) {
			case LossKind k -> k.keyword();
			case PriorKind k -> k.keyword();
			case DataSource k -> k.keyword();
			case OptimizerKind k -> k.keyword();
			case AugmentKind k -> k.keyword();
			default -> value.name().toLowerCase(Locale.ROOT);
			});
		}
		return names;
	}
}

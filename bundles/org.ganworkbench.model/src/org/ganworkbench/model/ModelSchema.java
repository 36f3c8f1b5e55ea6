package org.ganworkbench.model;

import java.util.List;
import java.util.Map;

/**
 * The model format's blocks and keys as the validator checks them: which blocks nest where, and
 * each key's type, range and choices. The one declaration that the editor's content assist and its
 * Training page are built from, so adding a key or a layer type touches the model bundle (and the
 * trainer) only. docs/model-format.md describes the same.
 */
public final class ModelSchema {

	/** The sub-blocks of each block that is not a layer; "" is the file's top level. */
	private static final Map<String, List<String>> SUB_BLOCKS = Map.of( //
			"", List.of("gan"), //
			"gan", List.of("latent", "data", "generator", "discriminator", "training", "sweep"), //
			"training", List.of("g_optimizer", "d_optimizer", "ema", "augment", "intervals"), //
			"sweep", List.of("vary"));

	private static final Map<String, BlockSchema> BLOCKS = Map.ofEntries(Map.entry("gan", Schemas.GAN),
			Map.entry("latent", Schemas.LATENT), Map.entry("data", Schemas.DATA), Map.entry("generator", Schemas.GENERATOR),
			Map.entry("discriminator", Schemas.DISCRIMINATOR), Map.entry("training", Schemas.TRAINING),
			Map.entry("g_optimizer", Schemas.OPTIMIZER), Map.entry("d_optimizer", Schemas.OPTIMIZER),
			Map.entry("ema", Schemas.EMA), Map.entry("augment", Schemas.AUGMENT), Map.entry("intervals", Schemas.INTERVALS),
			Map.entry("sweep", Schemas.SWEEP), Map.entry("vary", Schemas.VARY));

	private ModelSchema() {
	}

	/** The blocks a block may hold ("" for the top level), layers not included. */
	public static List<String> subBlocks(String keyword) {
		return SUB_BLOCKS.getOrDefault(keyword, List.of());
	}

	/** Whether a block keyword holds layers. */
	public static boolean isNetwork(String keyword) {
		return keyword.equals("generator") || keyword.equals("discriminator");
	}

	/** The keys of a block that is not a layer, in the documented order; empty for an unknown block. */
	public static List<KeySpec> keys(String keyword) {
		BlockSchema block = BLOCKS.get(keyword);
		return block == null ? List.of() : List.copyOf(block.keys().values());
	}

	/** The keys of a layer of the type, input keys and spectral_norm included. */
	public static List<KeySpec> keys(LayerType type) {
		return List.copyOf(type.schema().keys().values());
	}

	/** The key at a path of block keywords from the gan block ("training.ema.decay"), or null. */
	public static KeySpec key(String path) {
		int dot = path.lastIndexOf('.');
		String block = dot < 0 ? "gan" : path.substring(path.lastIndexOf('.', dot - 1) + 1, dot);
		String key = path.substring(dot + 1);
		return keys(block).stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
	}
}

package org.ganworkbench.ui.internal.editor;

import java.util.List;

import org.ganworkbench.model.KeySpec;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelSchema;

/**
 * What content assist offers, read from the model bundle's {@link ModelSchema}: the sub-blocks and
 * keys of every block and the values of keys with fixed choices. Nothing here lists keys itself, so
 * a key the validator accepts is a key the editor proposes.
 */
public final class ModelKeys {

	private ModelKeys() {
	}

	/** Whether a block keyword holds layers. */
	public static boolean isNetwork(String keyword) {
		return ModelSchema.isNetwork(keyword);
	}

	/** The blocks that may appear in a block ("" for the top level); layers are not included. */
	public static List<String> subBlocks(String keyword) {
		return ModelSchema.subBlocks(keyword);
	}

	/** The keys of a block that is not a layer. */
	public static List<String> blockKeys(String keyword) {
		return ModelSchema.keys(keyword).stream().map(KeySpec::key).toList();
	}

	/** The keys of a layer of the given type, input keys and spectral_norm included. */
	public static List<String> layerKeys(LayerType type) {
		return ModelSchema.keys(type).stream().map(KeySpec::key).toList();
	}

	/**
	 * The values a key accepts when they are a fixed set of words (choices, true/false); empty
	 * otherwise. {@code layer} is the layer type the key is in, or null for the block {@code block}.
	 */
	public static List<String> valueChoices(String block, LayerType layer, String key) {
		List<KeySpec> keys = layer != null ? ModelSchema.keys(layer) : ModelSchema.keys(block);
		for (KeySpec spec : keys) {
			if (spec.key().equals(key)) {
				return switch (spec.type()) {
				case BOOLEAN -> List.of("true", "false"); //$NON-NLS-1$ //$NON-NLS-2$
				case CHOICE, CHOICE_LIST, INTEGER_OR_CHOICE -> spec.choices();
				default -> List.of();
				};
			}
		}
		return List.of();
	}

	/** Keys whose values name layers of the same network. */
	public static boolean takesLayerNames(String key) {
		return key.equals("input") || key.equals("inputs") || key.equals("output"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}

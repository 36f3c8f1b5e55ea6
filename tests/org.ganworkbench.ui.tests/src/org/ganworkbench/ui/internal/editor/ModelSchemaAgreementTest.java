package org.ganworkbench.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.ganworkbench.model.KeySpec;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelSchema;
import org.junit.jupiter.api.Test;

/**
 * The editor's key lists and the model schema agree, both ways: content assist proposes exactly the
 * keys the validator accepts, and the Training page has a field for every key of the blocks it
 * covers except those it leaves to the source on purpose (listed here, so a new key needs a choice).
 */
class ModelSchemaAgreementTest {

	/** The blocks the Training page covers, as dotted paths from the gan block. */
	private static final List<String> FORM_BLOCKS = List.of("training", "training.g_optimizer", "training.d_optimizer",
			"training.ema", "training.augment", "training.intervals", "latent", "generator", "discriminator", "sweep");

	/** Keys of those blocks that are edited in the source only. */
	private static final Set<String> NOT_ON_THE_FORM = Set.of("training.g_optimizer.eps", "training.d_optimizer.eps",
			"latent.hierarchical", "latent.probability", "generator.class_embedding", "generator.output",
			"discriminator.output", "sweep.seeds");

	@Test
	void contentAssistProposesExactlyTheSchemasKeys() {
		List<String> blocks = new ArrayList<>(List.of(""));
		for (int i = 0; i < blocks.size(); i++) {
			String block = blocks.get(i);
			assertEquals(names(ModelSchema.keys(block)), ModelKeys.blockKeys(block), block);
			blocks.addAll(ModelKeys.subBlocks(block));
		}
		assertTrue(blocks.containsAll(List.of("gan", "latent", "data", "training", "ema", "intervals")), blocks.toString());
		for (LayerType type : LayerType.values()) {
			assertEquals(names(ModelSchema.keys(type)), ModelKeys.layerKeys(type), type.keyword());
		}
		assertEquals(List.of("true", "false"), ModelKeys.valueChoices("ema", null, "enabled"));
		assertEquals(ModelSchema.key("training.loss").choices(), ModelKeys.valueChoices("training", null, "loss"));
		assertEquals(List.of("same"), ModelKeys.valueChoices("conv", LayerType.CONV, "padding"));
	}

	@Test
	void theTrainingPageHasAFieldForEverySchemaKeyOfItsBlocksAndNoOther() {
		Set<String> onTheForm = new TreeSet<>();
		for (Setting setting : new TrainingSettings().all()) {
			onTheForm.add(setting.path());
			KeySpec spec = ModelSchema.key(setting.path());
			assertEquals(spec.choices(), setting.kind() == SettingKind.BOOLEAN ? spec.choices() : setting.choices(),
					setting.path());
			if (setting.kind() == SettingKind.INTEGER || setting.kind() == SettingKind.NUMBER) {
				assertEquals(spec.min(), setting.min(), setting.path());
				assertEquals(spec.max(), setting.max(), setting.path());
			}
		}
		Set<String> inTheSchema = new TreeSet<>();
		for (String block : FORM_BLOCKS) {
			String keyword = block.substring(block.lastIndexOf('.') + 1);
			for (KeySpec key : ModelSchema.keys(keyword)) {
				if (!NOT_ON_THE_FORM.contains(block + "." + key.key())) {
					inTheSchema.add(block + "." + key.key());
				}
			}
		}
		assertEquals(inTheSchema, onTheForm, "schema keys of the form's blocks (left) and the form's fields (right)");
	}

	private static List<String> names(List<KeySpec> keys) {
		return keys.stream().map(KeySpec::key).toList();
	}
}

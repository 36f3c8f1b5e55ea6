package org.ganworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.Templates;
import org.ganworkbench.ui.internal.editor.ModelKeys;
import org.junit.jupiter.api.Test;

/** Every key content assist offers is a key the model format accepts there. */
class ModelKeysTest {

	private static final String BASE = Templates.text("dcgan", 28, 1);

	@Test
	void blockKeysAreKnownToTheModel() {
		for (String section : ModelKeys.subBlocks("gan")) {
			assertKnown(section, ModelKeys.blockKeys(section));
		}
		for (String block : ModelKeys.subBlocks("training")) {
			assertKnown("training." + block, ModelKeys.blockKeys(block));
		}
	}

	@Test
	void layerKeysAreKnownToTheModel() {
		for (LayerType type : LayerType.values()) {
			for (String key : ModelKeys.layerKeys(type)) {
				String text = BASE.replace("\t\ttanh out {}", "\t\t" + type.keyword() + " probe { " + key + " = 1 }\n\t\ttanh out {}");
				assertNoUnknownKey(text, key, type.keyword());
			}
		}
	}

	private static void assertKnown(String path, List<String> keys) {
		assertTrue(!keys.isEmpty(), path);
		for (String key : keys) {
			assertNoUnknownKey(ModelWriter.set(BASE, path + "." + key, "1"), key, path);
		}
	}

	private static void assertNoUnknownKey(String text, String key, String where) {
		ModelDocument document = ModelDocument.parse(text);
		assertTrue(document.problems().stream().noneMatch(p -> p.message().startsWith("unknown key '" + key + "'")),
				key + " in " + where + ": " + document.problems());
	}
}

package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.model.Defaults;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelWriter;
import org.junit.jupiter.api.Test;

/** training.keep_checkpoints: five by default, 0 keeps all, negatives and fractions are errors. */
class KeepCheckpointsTest {

	@Test
	void defaultsToFive() {
		assertEquals(5, Defaults.KEEP_CHECKPOINTS);
		assertEquals(Defaults.KEEP_CHECKPOINTS, ModelDocument.parse(Sources.SMALL).model().training().keepCheckpoints());
	}

	@Test
	void zeroKeepsAllAndIsValid() {
		ModelDocument doc = ModelDocument.parse(ModelWriter.set(Sources.SMALL, "training.keep_checkpoints", "0"));
		assertTrue(!doc.hasErrors(), doc.problems().toString());
		assertEquals(0, doc.model().training().keepCheckpoints());
	}

	@Test
	void negativeOrFractionalCountIsAnError() {
		for (String value : new String[] { "-1", "2.5" }) {
			ModelDocument doc = ModelDocument.parse(ModelWriter.set(Sources.SMALL, "training.keep_checkpoints", value));
			assertTrue(doc.problems().toString().contains("'keep_checkpoints' must be"), doc.problems().toString());
		}
	}
}

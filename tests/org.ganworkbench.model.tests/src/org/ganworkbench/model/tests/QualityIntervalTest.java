package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.model.Defaults;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelWriter;
import org.junit.jupiter.api.Test;

/** training.intervals.quality: defaults to the checkpoint interval, 0 turns it off, negatives are errors. */
class QualityIntervalTest {

	@Test
	void defaultsToTheCheckpointInterval() {
		ModelDocument doc = ModelDocument.parse(Sources.SMALL);
		assertEquals(Defaults.CHECKPOINT_INTERVAL, doc.model().training().intervals().quality());
		assertEquals(1000, Defaults.QUALITY_INTERVAL);
	}

	@Test
	void zeroTurnsQualityOffAndIsValid() {
		ModelDocument doc = ModelDocument.parse(ModelWriter.set(Sources.SMALL, "training.intervals.quality", "0"));
		assertTrue(!doc.hasErrors(), doc.problems().toString());
		assertEquals(0, doc.model().training().intervals().quality());
		ModelDocument every = ModelDocument.parse(ModelWriter.set(Sources.SMALL, "training.intervals.quality", "250"));
		assertEquals(250, every.model().training().intervals().quality());
	}

	@Test
	void negativeIntervalIsAnError() {
		ModelDocument doc = ModelDocument.parse(ModelWriter.set(Sources.SMALL, "training.intervals.quality", "-5"));
		assertTrue(doc.hasErrors());
		assertTrue(doc.problems().toString().contains("quality"), doc.problems().toString());
	}
}

package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.sweep.SweepDimension;
import org.ganworkbench.model.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/** The sweep block: what it varies and how, checked like every block, with located errors. */
class SweepBlockTest {

	private static String withSweep(String sweep) {
		return Sources.small("\n}\n", "\n" + sweep + "\n}\n");
	}

	@Test
	void aGridOfTwoValuesTimesTwoSeedsIsFourTrials() {
		String source = withSweep("""
				  sweep {
				    parallel = 2
				    objective = loss_g
				    seeds = [1, 2]
				    vary "training.g_optimizer.lr" { values = [2e-4, 1e-3] }
				    vary "generator.fc.units" { values = [32, 64] }
				    vary "training.loss" { values = [hinge] }
				  }""");
		ModelDocument doc = ModelDocument.parse(source);
		assertFalse(doc.hasErrors(), doc.problems().toString());
		SweepSpec sweep = doc.model().sweep();
		assertEquals(8, sweep.trials(), "2 x 2 x 1 values x 2 seeds");
		assertEquals(4, sweep.gridSize());
		assertEquals(2, sweep.parallel());
		assertEquals("loss_g", sweep.objective());
		assertEquals(List.of(1L, 2L), sweep.seeds());
		assertEquals(List.of(new SweepDimension("training.g_optimizer.lr", List.of("2e-4", "1e-3"), 0, 0, false, false),
				new SweepDimension("generator.fc.units", List.of("32", "64"), 0, 0, false, true),
				new SweepDimension("training.loss", List.of("hinge"), 0, 0, false, true)), sweep.dimensions());
		assertFalse(sweep.maximize());
		assertTrue(sweep.better(1, 2), "minimised by default");
	}

	@Test
	void aRangeNeedsTrialsAndDefaultsToTheBestFd() {
		SweepSpec sweep = ModelDocument.parse(withSweep("""
				  sweep { trials = 5; halving = true
				    vary "training.d_optimizer.lr" { min = 1e-5; max = 1e-2; scale = log } }""")).model().sweep();
		assertEquals(5, sweep.trials());
		assertEquals("fd", sweep.objective());
		assertTrue(sweep.halving());
		assertEquals(new SweepDimension("training.d_optimizer.lr", List.of(), 1e-5, 1e-2, true, false), sweep.dimensions().get(0));
		assertNull(ModelDocument.parse(Sources.SMALL).model().sweep(), "no sweep block, no sweep");
	}

	@Test
	void everyMistakeIsLocated() {
		Sources.assertErrors(withSweep("  sweep { vary \"training.nope\" { values = [1] } }"),
				"13:16: error: a sweep varies a key of latent, data or training (\"training.batch\", \"training.g_optimizer.lr\")"
						+ " or a layer's width (\"generator.NAME.filters\"), got 'training.nope'");
		Sources.assertErrors(withSweep("  sweep { vary \"generator.nope.units\" { values = [1] } }"),
				"13:16: error: no layer 'nope' in the generator");
		Sources.assertErrors(withSweep("  sweep { vary \"generator.fc.kernel\" { values = [1] } }"),
				"13:16: error: a sweep varies a layer's width: 'fc' (dense) has no 'kernel'; use units");
		Sources.assertErrors(withSweep("  sweep { vary \"training.batch\" { values = [8, 0] } }"),
				"13:48: error: 'batch' must be in [1, 65536], got 0");
		Sources.assertErrors(withSweep("  sweep { vary \"training.loss\" { values = [hinge, nope] } }"),
				"13:51: error: 'loss' must be one of " + String.join(", ", org.ganworkbench.model.ModelSchema.key("training.loss").choices())
						+ ", got the name 'nope'");
		Sources.assertErrors(withSweep("  sweep { vary \"training.batch\" { min = 8; max = 64 } }"),
				"13:3: error: a sweep with a range ('min'/'max') needs 'trials = N'");
		Sources.assertErrors(withSweep("  sweep { trials = 2; vary \"training.g_optimizer.lr\" { min = 1e-3; max = 1e-4 } }"),
				"13:74: error: 'max' must be above 'min' (0.001)");
		Sources.assertErrors(withSweep("  sweep { trials = 2; vary \"latent.size\" { min = 0; max = 64; scale = log } }"),
				"13:50: error: 'size' must be in [1, 65536], got 0");
		Sources.assertErrors(withSweep("  sweep { vary \"training.batch\" { values = [8]; min = 1 } }"),
				"13:11: error: give either 'values = [...]' or a range 'min = ...; max = ...' for 'training.batch'");
		Sources.assertErrors(withSweep("  sweep { objective = wins; vary \"training.batch\" { values = [8] } }"),
				"13:23: error: 'objective' must be one of fd, kid, precision, recall, knn_coverage, loss_g, loss_d, d_real,"
						+ " d_fake, r_t, aug_p, grad_norm_g, grad_norm_d, images_per_sec, r1, r2, gp, got the name 'wins'");
		Sources.assertErrors(withSweep("  sweep { objective = fd; vary \"training.batch\" { values = [8] } }")
				.replace("size = 16 }", "size = 16 }\n  training { intervals { quality = 0 } }"),
				"14:23: error: the objective 'fd' is a quality metric, but training.intervals.quality is 0: no trial would measure it");
		Sources.assertErrors(withSweep("  sweep { trials = 3; vary \"training.batch\" { values = [8, 16] } }"),
				"13:20: error: trials = 3 but the grid and seeds give only 2 different trials; add values, seeds or a range");
		Sources.assertErrors(withSweep("  sweep { }"), "13:3: error: a sweep needs at least one 'vary \"PATH\" { ... }' block");
		Sources.assertErrors(withSweep("  sweep { vary { values = [1] } }"),
				"13:11: error: vary needs the path of what it varies: vary \"training.g_optimizer.lr\" { ... }");
		Sources.assertErrors(withSweep("  sweep { seeds = []; vary \"training.batch\" { values = [8] } }"),
				"13:19: error: 'seeds' needs at least one value");
	}
}

package org.ganworkbench.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.sweep.SweepSpec;
import org.ganworkbench.sweep.plan.SuccessiveHalving;
import org.ganworkbench.sweep.plan.SweepPlan;
import org.ganworkbench.sweep.plan.Trial;
import org.junit.jupiter.api.Test;

/** The trial list (the same every time), a trial's model, and the halving rule, without training. */
class SweepPlanTest {

	private static SweepSpec sweep(String block) {
		ModelDocument doc = ModelDocument.parse(TinySweeps.model(block));
		assertTrue(!doc.hasErrors(), doc.problems().toString());
		return doc.model().sweep();
	}

	@Test
	void theGridVariesItsLastDimensionFastestThenTheSeeds() {
		List<Trial> trials = SweepPlan.trials(sweep("""
				    seeds = [7, 8]
				    vary "training.g_optimizer.lr" { values = [1e-4, 1e-3] }
				    vary "generator.up1.filters" { values = [64, 128, 256] }"""), 1);
		assertEquals(12, trials.size());
		assertEquals(Map.of("training.g_optimizer.lr", "1e-4", "generator.up1.filters", "128"), trials.get(1).values());
		assertEquals("t03-lr=1e-3-filters=64-seed=7", trials.get(3).name());
		assertEquals(8, trials.get(6).seed(), "the second pass over the grid takes the second seed");
		assertEquals(trials.get(0).values(), trials.get(6).values());
	}

	@Test
	void rangesAreDrawnTheSameEveryTimeWithinTheirBounds() {
		SweepSpec spec = sweep("""
				    trials = 20
				    vary "training.d_optimizer.lr" { min = 1e-5; max = 1e-2; scale = log }
				    vary "training.batch" { min = 8; max = 64 }""");
		List<Trial> first = SweepPlan.trials(spec, 3);
		assertEquals(first, SweepPlan.trials(spec, 3), "a sweep run again finds the same trials");
		for (Trial trial : first) {
			double lr = Double.parseDouble(trial.values().get("training.d_optimizer.lr"));
			assertTrue(lr >= 1e-5 && lr <= 1e-2, trial.toString());
			long batch = Long.parseLong(trial.values().get("training.batch"));
			assertTrue(batch >= 8 && batch <= 64, trial.toString());
		}
		assertTrue(first.stream().map(t -> t.values().get("training.batch")).distinct().count() > 5, "spread over the range");
	}

	@Test
	void aTrialsModelCarriesItsValuesAndSeed() {
		String model = TinySweeps.model("""
				    seeds = [5]
				    vary "training.g_optimizer.lr" { values = [3e-4] }
				    vary "generator.up1.filters" { values = [96] }""");
		Trial trial = SweepPlan.trials(ModelDocument.parse(model).model().sweep(), 1).get(0);
		ModelDocument trialModel = ModelDocument.parse(SweepPlan.modelText(model, trial));
		assertTrue(!trialModel.hasErrors(), trialModel.problems().toString());
		assertEquals(3e-4, trialModel.model().training().gOptimizer().learningRate(), 1e-12);
		assertEquals(5, trialModel.model().training().seed());
		assertEquals(96, trialModel.model().generator().layers().stream().filter(l -> l.name().equals("up1")).findFirst()
				.orElseThrow().intParam("filters", 0));
	}

	@Test
	void halvingStopsTheWorstHalfOfThoseThatReachedARung() {
		SuccessiveHalving halving = new SuccessiveHalving(4, false);
		Map<String, NavigableMap<Long, Double>> objectives = Map.of("a", values(4, 1.0), "b", values(4, 3.0), "c", values(4, 2.0),
				"d", values(2, 0.5));
		Map<String, Long> steps = Map.of("a", 5L, "b", 4L, "c", 6L, "d", 2L);
		assertEquals(Set.of("b"), halving.toStop(objectives, steps, Set.of("a", "b", "c", "d")),
				"of a, b, c at step 4 the worst floor(3/2) = 1; d has not reached it");
		assertEquals(Set.of(), halving.toStop(objectives, steps, Set.of("a", "c")), "each judged once per rung");
		SuccessiveHalving alone = new SuccessiveHalving(4, false);
		assertEquals(Set.of(), alone.toStop(Map.of("a", values(4, 9.0)), Map.of("a", 8L), Set.of("a")), "no peers, no verdict");
		SuccessiveHalving maximised = new SuccessiveHalving(4, true);
		assertEquals(Set.of("a"), maximised.toStop(Map.of("a", values(4, 1.0), "b", values(4, 2.0)), Map.of("a", 4L, "b", 4L),
				Set.of("a", "b")));
	}

	private static NavigableMap<Long, Double> values(long step, double value) {
		NavigableMap<Long, Double> map = new TreeMap<>();
		map.put(step, value);
		return map;
	}
}

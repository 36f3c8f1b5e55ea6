package org.ganworkbench.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.sweep.SweepDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Successive halving with a deliberately bad learning rate in the space: D's learning rate of 1e-12
 * leaves D as it was initialised, so its loss stays near its start while a learning D's falls. Those
 * trials are in the worst half at the first rung (the first checkpoint, step 4) and are stopped there,
 * with a checkpoint; a trial with the good rate trains to the end.
 */
class HalvingSweepTest {

	@TempDir
	Path folder;

	@Test
	void theTrialsWithTheBadLearningRateAreStoppedEarly() throws Exception {
		Path model = TinySweeps.write(folder, "halving.gan", TinySweeps.model("""
				    objective = loss_d
				    halving = true
				    seeds = [1, 2]
				    vary "training.d_optimizer.lr" { values = [2e-4, 1e-12] }"""));
		TinySweeps.Result result = TinySweeps.run(new SweepDriver.Options(model, null, 2, null, null, null));
		assertEquals(SweepDriver.OK, result.exit(), result.out() + result.err());
		Path sweep = folder.resolve("runs").resolve("halving-sweep");
		boolean goodFinished = false;
		for (Object item : (List<?>) TinySweeps.sweepJson(sweep).get("trials")) {
			Map<?, ?> trial = (Map<?, ?>) item;
			String name = (String) trial.get("name");
			long step = ((Number) trial.get("step")).longValue();
			if (name.contains("lr=1e-12")) {
				assertEquals("pruned", trial.get("state"), name + "\n" + result.out());
				assertTrue(step < TinySweeps.STEPS, name + " stopped early, at step " + step);
				RunDirectory run = new RunDirectory(sweep.resolve(name));
				assertFalse(run.checkpointFiles().isEmpty(), name + " kept a checkpoint");
				assertEquals("interrupted", run.readEvents().stream().filter(e -> RunEvent.STATUS.equals(e.type()))
						.reduce((a, b) -> b).orElseThrow().fields().get("state"), name + ": the trainer stopped cleanly");
				assertTrue(result.out().contains(name + ": stopped by successive halving"), result.out());
			} else if ("finished".equals(trial.get("state"))) {
				goodFinished = true;
				assertEquals(TinySweeps.STEPS, step, name);
			}
		}
		assertTrue(goodFinished, "a trial with the good rate trained to the end\n" + result.out());
	}
}

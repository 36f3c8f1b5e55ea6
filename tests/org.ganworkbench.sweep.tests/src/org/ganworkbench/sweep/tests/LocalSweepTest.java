package org.ganworkbench.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.sweep.SweepDriver;
import org.ganworkbench.sweep.plan.TrialProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep of four trials on Spark's embedded local master, two at a time: sweep.json lists the
 * four with their values and states, every trial is an ordinary run directory a run reader reads, the
 * best trial is the one whose log holds the lowest objective, and running the sweep again trains nothing.
 */
class LocalSweepTest {

	@TempDir
	Path folder;

	@Test
	void fourTrialsTwoAtATime() throws Exception {
		Path model = TinySweeps.write(folder, "tiny.gan", TinySweeps.model("""
				    parallel = 2
				    objective = loss_g
				    seeds = [1, 2]
				    vary "training.g_optimizer.lr" { values = [2e-4, 1e-3] }"""));
		long started = System.nanoTime();
		TinySweeps.Result result = TinySweeps.run(new SweepDriver.Options(model, null, null, null, null, null));
		System.out.printf("LocalSweepTest: 4 trials of %d steps, 2 at a time, in %.1f s%n", TinySweeps.STEPS,
				(System.nanoTime() - started) / 1e9);
		assertEquals(SweepDriver.OK, result.exit(), result.out() + result.err());
		assertTrue(result.out().contains("4 trials (4 to run), 2 at a time on local[2,4]"), result.out());

		Path sweep = folder.resolve("runs").resolve("tiny-sweep");
		Map<String, Object> json = TinySweeps.sweepJson(sweep);
		List<?> trials = (List<?>) json.get("trials");
		assertEquals(4, trials.size());
		List<String> names = new ArrayList<>();
		String best = null;
		double bestValue = Double.POSITIVE_INFINITY;
		for (Object item : trials) {
			Map<?, ?> trial = (Map<?, ?>) item;
			String name = (String) trial.get("name");
			names.add(name);
			assertEquals("finished", trial.get("state"), name);
			assertEquals((double) TinySweeps.STEPS, ((Number) trial.get("step")).doubleValue(), name);
			RunDirectory run = new RunDirectory(sweep.resolve(name));
			assertTrue(run.exists(), name + " is a run directory");
			List<RunEvent> events = run.readEvents();
			assertEquals("finished", events.stream().filter(e -> RunEvent.STATUS.equals(e.type())).reduce((a, b) -> b).orElseThrow()
					.fields().get("state"), name);
			Double logged = TrialProgress.read(run, "loss_g").best(false);
			assertEquals(logged, ((Number) trial.get("objective")).doubleValue(), 1e-9, name + ": sweep.json holds the log's best");
			assertTrue(Files.readString(run.modelSnapshot()).contains("lr = " + ((Map<?, ?>) trial.get("values")).get("training.g_optimizer.lr")),
					name + " trained with its own value");
			if (logged < bestValue) {
				bestValue = logged;
				best = name;
			}
		}
		assertEquals(List.of("t00-lr=2e-4-seed=1", "t01-lr=1e-3-seed=1", "t02-lr=2e-4-seed=2", "t03-lr=1e-3-seed=2"), names);
		assertNotNull(best);
		assertEquals(best, json.get("best"));
		assertTrue(result.out().contains("best: " + best), result.out());

		// Again: every trial is done, so nothing trains and no log changes.
		List<Long> sizes = new ArrayList<>();
		for (String name : names) {
			sizes.add(Files.size(sweep.resolve(name).resolve("events.jsonl")));
		}
		TinySweeps.Result again = TinySweeps.run(new SweepDriver.Options(model, null, null, null, null, null));
		assertEquals(SweepDriver.OK, again.exit(), again.out() + again.err());
		assertTrue(again.out().contains("4 trials (0 to run)"), again.out());
		for (int i = 0; i < names.size(); i++) {
			assertEquals(sizes.get(i), Files.size(sweep.resolve(names.get(i)).resolve("events.jsonl")), names.get(i));
		}
	}
}

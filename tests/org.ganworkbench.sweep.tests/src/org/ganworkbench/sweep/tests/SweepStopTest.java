package org.ganworkbench.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.sweep.SweepDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or Terminate (SIGTERM to the driver's JVM) stops every trial with a checkpoint and leaves
 * sweep.json saying so; running the sweep again resumes both trials from their checkpoints.
 */
class SweepStopTest {

	@TempDir
	Path folder;

	@Test
	void stoppingTheDriverStopsEveryTrialWithACheckpointAndARerunResumes() throws Exception {
		Path model = TinySweeps.write(folder, "stop.gan", TinySweeps.model("""
				    objective = loss_g
				    parallel = 2
				    vary "training.g_optimizer.lr" { values = [2e-4, 1e-3] }"""));
		Path sweep = folder.resolve("runs").resolve("stop-sweep");
		Process driver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "org.ganworkbench.sweep.SweepMain", model.toString(), "--steps", "400")
				.redirectErrorStream(true).redirectOutput(folder.resolve("driver.log").toFile()).start();
		try {
			long deadline = System.nanoTime() + 180_000_000_000L;
			while (!bothHaveACheckpoint(sweep)) {
				if (!driver.isAlive() || System.nanoTime() > deadline) {
					fail("the trials never trained with checkpoints:\n" + Files.readString(folder.resolve("driver.log")));
				}
				Thread.sleep(200);
			}
			driver.destroy(); // SIGTERM, as Terminate and Ctrl-C
			assertTrue(driver.waitFor(90, TimeUnit.SECONDS), "the driver ended");
		} finally {
			driver.destroyForcibly();
		}
		for (String name : List.of("t00-lr=2e-4", "t01-lr=1e-3")) {
			RunDirectory run = new RunDirectory(sweep.resolve(name));
			assertEquals("interrupted", lastStatus(run), name + ": the trainer stopped cleanly");
			assertFalse(run.checkpointFiles().isEmpty(), name);
			assertFalse(Files.exists(run.process()), name + ": no trainer left running");
		}
		for (Object trial : (List<?>) TinySweeps.sweepJson(sweep).get("trials")) {
			assertEquals("interrupted", ((Map<?, ?>) trial).get("state"), trial.toString());
		}

		// Again: both trials resume from their checkpoints and finish.
		TinySweeps.Result again = TinySweeps.run(new SweepDriver.Options(model, null, null, null, 60L, null));
		assertEquals(SweepDriver.OK, again.exit(), again.out() + again.err());
		assertTrue(again.out().contains("2 trials (2 to run)"), again.out());
		for (String name : List.of("t00-lr=2e-4", "t01-lr=1e-3")) {
			assertEquals("finished", lastStatus(new RunDirectory(sweep.resolve(name))), name);
			assertTrue(Files.readString(sweep.resolve("logs").resolve(name + ".log")).contains("--- resume "), name);
		}
	}

	private static boolean bothHaveACheckpoint(Path sweep) throws Exception {
		for (String name : List.of("t00-lr=2e-4", "t01-lr=1e-3")) {
			RunDirectory run = new RunDirectory(sweep.resolve(name));
			if (!Files.isDirectory(run.checkpoints()) || run.checkpointFiles().isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static String lastStatus(RunDirectory run) throws Exception {
		return run.readEvents().stream().filter(e -> RunEvent.STATUS.equals(e.type())).reduce((a, b) -> b).orElseThrow()
				.fields().get("state").toString();
	}
}

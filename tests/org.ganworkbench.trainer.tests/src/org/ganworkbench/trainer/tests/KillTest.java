package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments (during start-up, a step, a sample or a checkpoint write) never leaves
 * an unreadable run: the log reads, the latest checkpoint loads, and resume carries on.
 */
class KillTest {

	private static final int KILLS = 10;

	@TempDir
	Path dir;

	@Test
	void runSurvivesKillMinus9() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Path runDir = dir.resolve("run");
		File log = dir.resolve("trainer.log").toFile();
		RunDirectory run = new RunDirectory(runDir);
		Random random = new Random(42);

		Process first = TrainerProcess.start(log, List.of(), "train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "100000");
		long deadline = System.currentTimeMillis() + 60_000;
		while (run.checkpointFiles().isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		Thread.sleep(random.nextInt(500));
		kill(first);
		assertReadable(run);
		// A killed trainer leaves its process record; a later IDE must not take it for a live trainer.
		org.ganworkbench.model.run.TrainerProcess left = org.ganworkbench.model.run.TrainerProcess.read(run)
				.orElseThrow(() -> new AssertionError("the trainer recorded its process"));
		assertTrue(left.liveTrainer(left.host()).isEmpty(), "a killed trainer is not live");

		for (int i = 1; i < KILLS; i++) {
			Process resumed = TrainerProcess.start(log, List.of(), "resume", runDir.toString());
			Thread.sleep(500 + random.nextInt(4000));
			kill(resumed);
			assertReadable(run);
		}

		long lastStep = CheckpointFile.read(latest(run)).step();
		Process finish = TrainerProcess.start(log, List.of(), "resume", runDir.toString(), "--steps",
				Long.toString(lastStep + 3));
		assertTrue(finish.waitFor(120, TimeUnit.SECONDS), "resume did not finish");
		assertEquals(0, finish.exitValue(), Files.readString(log.toPath()));
		List<RunEvent> events = run.readEvents();
		RunEvent last = events.get(events.size() - 1);
		assertEquals("finished", last.text("state"));
		assertEquals(lastStep + 3, last.step());
		assertEquals(lastStep + 3, CheckpointFile.read(latest(run)).step());
		assertTrue(Files.notExists(run.process()), "a trainer that ends removes its process record");
	}

	private static void kill(Process process) throws InterruptedException {
		process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
		process.waitFor(30, TimeUnit.SECONDS);
	}

	private static Path latest(RunDirectory run) throws Exception {
		List<Path> files = run.checkpointFiles();
		return files.get(files.size() - 1);
	}

	private static void assertReadable(RunDirectory run) throws Exception {
		assertTrue(run.exists());
		run.readDescription();
		EventLogReader reader = new EventLogReader(run.events());
		List<RunEvent> events = reader.poll();
		assertTrue(!events.isEmpty());
		// at most the lines torn by earlier kills are unreadable, never a whole log
		assertTrue(reader.problems().size() <= KILLS, reader.problems().toString());
		for (Path checkpoint : run.checkpointFiles()) {
			CheckpointFile.read(checkpoint);
		}
		assertTrue(!run.checkpointFiles().isEmpty());
	}
}

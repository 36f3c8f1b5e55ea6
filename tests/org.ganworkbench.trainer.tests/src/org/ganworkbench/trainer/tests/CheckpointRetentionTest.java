package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run keeps its newest checkpoints, the best by FD and those the user marked; it logs every
 * deletion, and resume, info and quality get on with the checkpoints that remain.
 */
class CheckpointRetentionTest {

	@TempDir
	Path dir;

	@Test
	void keepsTheNewestTheBestAndTheMarked() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1).replaceFirst("training \\{",
				"training {\n\t\tkeep_checkpoints = 2"));
		Path runDir = dir.resolve("run");
		RunDirectory run = new RunDirectory(runDir);
		TrainingFixtures.Result first = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "5");
		assertEquals(ExitCode.OK, first.code(), first.err());
		assertEquals(List.of(4L, 5L), steps(run));

		// step 4 gets an FD better than any real one, as the quality command appends it; step 5 is marked
		try (RunWriter writer = RunWriter.reopen(runDir)) {
			writer.quality(4, Map.of("fd", 0.0, "source", "quality command"));
		}
		Files.createFile(RunDirectory.keepMarker(checkpoint(run, 5)));
		TrainingFixtures.Result resumed = TrainingFixtures.run("resume", runDir.toString(), "--steps", "10");
		assertEquals(ExitCode.OK, resumed.code(), resumed.err());
		assertEquals(List.of(4L, 5L, 9L, 10L), steps(run), "the best, the marked and the newest two");

		List<RunEvent> events = run.readEvents();
		assertTrue(events.stream().anyMatch(e -> e.type().equals(RunEvent.QUALITY) && e.step() == 10),
				"the trainer scored its last step (checkpoint 8 went only once that FD was known)");
		List<RunEvent> deletions = events.stream().filter(e -> e.type().equals(RunEvent.CHECKPOINT_DELETED)).toList();
		assertEquals(List.of(1L, 2L, 3L, 6L, 7L, 8L), deletions.stream().map(RunEvent::step).toList());
		for (RunEvent deletion : deletions) {
			assertEquals(RunDirectory.CHECKPOINTS + "/" + RunDirectory.checkpointName(deletion.step()), deletion.text("file"));
			assertTrue(deletion.text("reason").contains("newest 2"), deletion.text("reason"));
		}
	}

	/**
	 * The trainer deletes a checkpoint before it logs the deletion: a crash in between leaves a
	 * checkpoint event whose file is gone, which every reader must take in its stride.
	 */
	@Test
	void aCheckpointEventWithoutItsFileIsTolerated() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Path runDir = dir.resolve("run");
		RunDirectory run = new RunDirectory(runDir);
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(), "--steps",
				"3").code());
		Files.delete(checkpoint(run, 2));
		assertEquals(List.of(1L, 3L), steps(run));

		TrainingFixtures.Result info = TrainingFixtures.run("info", runDir.toString());
		assertEquals(ExitCode.OK, info.code(), info.out());
		assertTrue(info.out().contains("checkpoints: 2, latest " + RunDirectory.checkpointName(3)), info.out());
		TrainingFixtures.Result quality = TrainingFixtures.run("quality", runDir.toString(), "--samples", "100");
		assertEquals(ExitCode.OK, quality.code(), quality.err());
		TrainingFixtures.Result resumed = TrainingFixtures.run("resume", runDir.toString(), "--steps", "4");
		assertEquals(ExitCode.OK, resumed.code(), resumed.err());
		assertTrue(resumed.out().contains("from " + RunDirectory.checkpointName(3)), resumed.out());
		assertEquals(4, CheckpointFile.read(checkpoint(run, 4)).step());
	}

	private static Path checkpoint(RunDirectory run, long step) {
		return run.checkpoints().resolve(RunDirectory.checkpointName(step));
	}

	private static List<Long> steps(RunDirectory run) throws Exception {
		return run.checkpointFiles().stream().map(RunDirectory::checkpointStep).toList();
	}
}

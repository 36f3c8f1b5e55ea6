package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.FullDisk;
import org.ganworkbench.trainer.run.ImageGrid;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A write that fails mid-run (a full disk) ends the run with status failed, where the log can still
 * take it, and a message naming the file and the cause; the last complete checkpoint loads, no
 * temporary file is left, and the run resumes once there is space again. Checkpoints, sample grids
 * and the event log itself are refused in turn.
 */
class DiskFullTest {

	private static final String NO_SPACE = "No space left on device";

	@TempDir
	Path dir;

	@Test
	void aFullDiskFailsTheRunAndLeavesTheLastCheckpointWhole() throws Exception {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Path runDir = dir.resolve("run");
		String refused = RunDirectory.checkpointName(3);
		TrainingFixtures.Result result;
		try (FullDisk full = FullDisk.forFiles(file -> file.getFileName().toString().equals(refused))) {
			result = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(), "--steps", "6");
		}
		assertEquals(ExitCode.IO_OR_DATASET, result.code(), result.err());
		assertTrue(result.err().contains(refused) && result.err().contains(NO_SPACE), result.err());
		RunDirectory run = new RunDirectory(runDir);
		List<RunEvent> events = run.readEvents();
		RunEvent last = events.get(events.size() - 1);
		assertEquals("failed", last.text("state"));
		assertEquals(3, last.step());
		assertTrue(last.text("message").contains(refused) && last.text("message").contains(NO_SPACE), last.text("message"));
		assertEquals(List.of(RunDirectory.checkpointName(1), RunDirectory.checkpointName(2)), names(run.checkpoints()),
				"neither the refused checkpoint nor its temporary file is left");
		assertResumesFromStep2(run);
	}

	/**
	 * The log itself is refused (step 3's metrics line is cut halfway) and the disk stays full: the
	 * failure cannot be logged, so stderr says what failed and that it could not be recorded; the
	 * log keeps every line before the torn one, the last checkpoint loads, and resume goes on from it.
	 */
	@Test
	void aFullDiskWhileAppendingToTheLogFailsTheRunAndResumeContinuesIt() throws Exception {
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = trainWithStep3MetricsRefused(runDir, true);
		assertEquals(ExitCode.IO_OR_DATASET, result.code(), result.err());
		String log = runDir.resolve(RunDirectory.EVENTS).toString();
		assertTrue(result.err().contains("could not append to " + log + ": " + NO_SPACE), result.err());
		assertTrue(result.err().contains("could not record the failure in the run's event log"), result.err());
		RunDirectory run = new RunDirectory(runDir);
		List<RunEvent> events = run.readEvents();
		RunEvent last = events.get(events.size() - 1);
		assertEquals(2, last.step(), "nothing after the torn line: " + last);
		assertTrue(events.stream().noneMatch(e -> e.type().equals(RunEvent.STATUS) && "failed".equals(e.text("state"))));
		assertResumesFromStep2(run);
		events = run.readEvents();
		assertEquals("finished", events.get(events.size() - 1).text("state"));
		assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), events.stream().filter(e -> e.type().equals(RunEvent.METRICS))
				.map(RunEvent::step).toList(), "the torn line is skipped; the resumed run logs step 3 again");
	}

	/**
	 * One log line is refused and the space comes back for the next: the run still fails (its log
	 * has a hole), and this time says so in the log, naming the log and the cause.
	 */
	@Test
	void aRefusedLogLineFailsTheRunWithStatusFailedOnceThereIsSpaceAgain() throws Exception {
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = trainWithStep3MetricsRefused(runDir, false);
		assertEquals(ExitCode.IO_OR_DATASET, result.code(), result.err());
		RunDirectory run = new RunDirectory(runDir);
		List<RunEvent> events = run.readEvents();
		RunEvent last = events.get(events.size() - 1);
		assertEquals("failed", last.text("state"));
		assertEquals(3, last.step());
		String log = runDir.resolve(RunDirectory.EVENTS).toString();
		assertTrue(last.text("message").contains("could not append to " + log + ": " + NO_SPACE), last.text("message"));
		assertTrue(last.text("message").contains("The last complete checkpoint is intact"), last.text("message"));
		List<Path> checkpoints = run.checkpointFiles();
		assertEquals(2, CheckpointFile.read(checkpoints.get(checkpoints.size() - 1)).step());
	}

	/** The run's last checkpoint is step 2's and loads, and resume takes the run from it to step 6. */
	private static void assertResumesFromStep2(RunDirectory run) throws IOException {
		List<Path> checkpoints = run.checkpointFiles();
		assertEquals(2, CheckpointFile.read(checkpoints.get(checkpoints.size() - 1)).step());
		TrainingFixtures.Result resumed = TrainingFixtures.run("resume", run.root().toString());
		assertEquals(ExitCode.OK, resumed.code(), resumed.err());
		assertTrue(resumed.out().contains("from " + RunDirectory.checkpointName(2)), resumed.out());
		checkpoints = run.checkpointFiles();
		assertEquals(6, CheckpointFile.read(checkpoints.get(checkpoints.size() - 1)).step());
	}

	/** Six steps of the tiny DCGAN, the event log's line of step 3's metrics refused by the disk. */
	private TrainingFixtures.Result trainWithStep3MetricsRefused(Path runDir, boolean staysFull) throws IOException {
		Path model = dir.resolve("model.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 1));
		Predicate<String> metricsOfStep3 = line -> line.contains("{\"type\":\"" + RunEvent.METRICS + "\",\"step\":3,");
		try (FullDisk full = FullDisk.forEventLog(metricsOfStep3, staysFull)) {
			return TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(), "--steps", "6");
		}
	}

	/** ImageIO hides the operating system's words in a cause: the message still says them. */
	@Test
	void aRefusedSampleNamesItsFileAndKeepsThePreviousOne() throws Exception {
		Path root = dir.resolve("run");
		try (RunWriter writer = RunWriter.create(root, new RunDescription("demo", 7, "cpu"), "model text")) {
			var grid = ImageGrid.of(Nd4j.rand(DataType.FLOAT, 16, 3, 8, 8).muli(2).subi(1), 4);
			Path kept = writer.sample(1, 0, grid, 16);
			IOException failure;
			try (FullDisk full = FullDisk.forFiles(file -> file.toString().endsWith(".png"))) {
				var bigger = ImageGrid.of(Nd4j.rand(DataType.FLOAT, 64, 3, 32, 32).muli(2).subi(1), 8);
				failure = assertThrows(IOException.class, () -> writer.sample(2, 0, bigger, 64));
			}
			String refused = RunWriter.sampleName(2, 0);
			assertTrue(failure.getMessage().contains(refused) && failure.getMessage().contains(NO_SPACE),
					failure.getMessage());
			assertEquals(List.of(kept.getFileName().toString()), names(kept.getParent()));
			writer.status(2, "failed", failure.getMessage());
		}
		List<RunEvent> events = new RunDirectory(root).readEvents();
		assertEquals(List.of(RunEvent.SAMPLE, RunEvent.STATUS), events.stream().map(RunEvent::type).toList());
	}

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}
}

package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resume gives the same losses as an uninterrupted run; failures end cleanly with a readable run. */
class ResumeAndFailureTest {

	@TempDir
	Path dir;

	private Path model(String text) throws Exception {
		Path file = dir.resolve("model.gan");
		Files.writeString(file, text);
		return file;
	}

	/** Beyond 2^53: run.json must give resume the seed exactly, not a double near it. */
	private static final String SEED = "1234567890123456789";

	@ParameterizedTest
	@ValueSource(strings = { "dcgan", "sngan", "r3gan" })
	void stepsStraightEqualHalfResumeHalf(String template) throws Exception {
		Path model = model(TrainingFixtures.withAugment(TrainingFixtures.tiny(template, 1)));
		Path straight = dir.resolve("straight");
		Path split = dir.resolve("split");
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", straight.toString(), "--steps",
				"4", "--seed", SEED).code());
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", split.toString(), "--steps",
				"2", "--seed", SEED).code());
		TrainingFixtures.Result resumed = TrainingFixtures.run("resume", split.toString(), "--steps", "4");
		assertEquals(ExitCode.OK, resumed.code(), resumed.err());
		List<RunEvent> a = metrics(straight);
		List<RunEvent> b = metrics(split);
		assertEquals(4, a.size());
		assertEquals(4, b.size());
		for (int i = 0; i < 4; i++) {
			for (String key : List.of("loss_d", "loss_g", "d_real", "d_fake")) {
				assertEquals(value(a.get(i), key), value(b.get(i), key), 1e-6 * Math.abs(value(a.get(i), key)),
						key + " at step " + a.get(i).step());
			}
		}
	}

	private static List<RunEvent> metrics(Path run) throws Exception {
		return new RunDirectory(run).readEvents().stream().filter(e -> e.type().equals(RunEvent.METRICS)).toList();
	}

	private static double value(RunEvent metrics, String key) {
		return org.ganworkbench.model.json.Json.number(metrics.object("values").get(key), Double.NaN);
	}

	private static String customDcgan(String className) {
		return TrainingFixtures.tiny("dcgan", 1).replace("custom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }",
				"custom noise1 { class = \"" + className + "\"" + (className.endsWith("NanInjector") ? "; params = 1" : "") + " }");
	}

	@Test
	void missingCustomLayerClass() throws Exception {
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model(customDcgan("gan.layers.Missing")).toString(),
				"--run-dir", runDir.toString(), "--steps", "2");
		assertEquals(ExitCode.INVALID_MODEL, result.code());
		assertTrue(result.err().contains("gan.layers.Missing") && result.err().contains("not found"), result.err());
		RunEvent last = lastEvent(runDir);
		assertEquals("failed", last.text("state"));
		assertTrue(last.text("message").contains("gan.layers.Missing"));
	}

	@Test
	void throwingCustomLayer() throws Exception {
		String err = failedCustomLayerRun("gan.layers.ThrowingLayer");
		assertTrue(err.contains("custom layer 'noise1' (gan.layers.ThrowingLayer) failed in forward at step 2")
				&& err.contains("bug in the user's layer"), err);
		assertEquals(1, new RunDirectory(dir.resolve("run")).checkpointFiles().size());
	}

	/** A custom layer runs in the step's workspace: an array kept across steps is refused, loudly. */
	@Test
	void customLayerKeepingAnArrayAcrossStepsIsToldWhatToDo() throws Exception {
		String err = failedCustomLayerRun("gan.layers.KeepsArrayLayer");
		assertTrue(err.contains("custom layer 'noise1' (gan.layers.KeepsArrayLayer) failed in forward at step 1")
				&& err.contains("keep one longer with detach()") && err.contains("outdated workspace pointer"), err);
	}

	/** Trains the DCGAN with the custom layer class into dir/run; the run must fail as an invalid model. */
	private String failedCustomLayerRun(String className) throws Exception {
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model(customDcgan(className)).toString(), "--run-dir",
				runDir.toString(), "--steps", "4");
		assertEquals(ExitCode.INVALID_MODEL, result.code());
		assertEquals("failed", lastEvent(runDir).text("state"));
		return result.err();
	}

	@Test
	void nanInAWeightStopsWithTheLastGoodCheckpoint() throws Exception {
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model(customDcgan("gan.layers.NanInjector")).toString(),
				"--run-dir", runDir.toString(), "--steps", "6");
		assertEquals(ExitCode.DIVERGED, result.code(), result.err());
		assertTrue(result.err().contains("step 3"), result.err());
		RunDirectory run = new RunDirectory(runDir);
		List<RunEvent> events = run.readEvents();
		RunEvent warning = events.stream().filter(e -> e.type().equals(RunEvent.WARNING) && "nan".equals(e.text("kind")))
				.findFirst().orElseThrow();
		assertEquals(3, warning.step());
		assertTrue(warning.text("where") != null && !warning.text("where").isEmpty());
		assertEquals("diverged", events.get(events.size() - 1).text("state"));
		List<Path> checkpoints = run.checkpointFiles();
		assertEquals(2, CheckpointFile.read(checkpoints.get(checkpoints.size() - 1)).step());
	}

	@Test
	void datasetProblemIsOneMessageBeforeTraining() throws Exception {
		String text = org.ganworkbench.model.Templates.text("dcgan", 28, 1).replace("source = synthetic",
				"source = fashion_mnist\n\t\tpath = \"nowhere\"");
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model(text).toString(), "--run-dir", runDir.toString(),
				"--steps", "2");
		assertEquals(ExitCode.IO_OR_DATASET, result.code());
		assertTrue(result.err().contains(dir.resolve("nowhere").toString()) && result.err().contains("missing"),
				result.err());
		assertEquals("failed", lastEvent(runDir).text("state"));
		assertTrue(new RunDirectory(runDir).checkpointFiles().isEmpty());
	}

	@Test
	void invalidModelIsExitCode2() throws Exception {
		TrainingFixtures.Result result = TrainingFixtures.run("train", model("gan \"x\" { generator { bogus {} } }").toString(),
				"--run-dir", dir.resolve("run").toString());
		assertEquals(ExitCode.INVALID_MODEL, result.code());
		assertTrue(result.err().contains("model.gan:"), result.err());
	}

	private static RunEvent lastEvent(Path runDir) throws Exception {
		List<RunEvent> events = new RunDirectory(runDir).readEvents();
		return events.get(events.size() - 1);
	}
}
